"""What the SQL-view reports read of the tenants' bills: when any of these fields changes, the
ORM flushes it before the views are queried."""

BILL_DEPENDS = {
    "account.move": [
        "state",
        "move_type",
        "mall_lease_id",
        "amount_total_signed",
        "amount_residual_signed",
        "invoice_date_due",
    ],
    "account.move.line": [
        "move_id",
        "account_id",
        "product_id",
        "balance",
        "date",
        "company_id",
        "amount_residual",
        "reconciled",
        "date_maturity",
    ],
    "account.account": ["account_type"],
    "mall.charge.type": ["product_id", "is_deposit", "category"],
    "mall.lease": ["tenant_id", "mall_id", "state", "date_start", "date_end", "total_area"],
}
