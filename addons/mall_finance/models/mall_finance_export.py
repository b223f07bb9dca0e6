from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import LazyTranslate

_lt = LazyTranslate(__name__)

# Column labels of the exports; the keys are the JSON API's field names.
LABELS = {
    "number": _lt("Number"),
    "move_type": _lt("Type"),
    "invoice_date": _lt("Invoice Date"),
    "due_date": _lt("Due Date"),
    "tenant": _lt("Tenant"),
    "tenant_uscc": _lt("Tenant USCC"),
    "lease": _lt("Lease"),
    "mall": _lt("Mall"),
    "currency": _lt("Currency"),
    "amount_untaxed": _lt("Untaxed Amount"),
    "amount_tax": _lt("Tax"),
    "amount_total": _lt("Total"),
    "amount_residual": _lt("Amount Due"),
    "payment_state": _lt("Payment Status"),
    "charge": _lt("Charge Code"),
    "description": _lt("Description"),
    "account": _lt("Account"),
    "quantity": _lt("Quantity"),
    "price_unit": _lt("Unit Price"),
    "tax_rate": _lt("VAT Rate (%)"),
    "date": _lt("Date"),
    "payment_type": _lt("Type"),
    "journal": _lt("Journal"),
    "amount": _lt("Amount"),
    "memo": _lt("Memo"),
    "state": _lt("Status"),
    "invoices": _lt("Invoices"),
}

INVOICE_COLUMNS = [
    "number",
    "move_type",
    "invoice_date",
    "due_date",
    "tenant",
    "tenant_uscc",
    "lease",
    "mall",
    "currency",
    "amount_untaxed",
    "amount_tax",
    "amount_total",
    "amount_residual",
    "payment_state",
]

INVOICE_LINE_COLUMNS = [
    "number",
    "invoice_date",
    "tenant",
    "lease",
    "charge",
    "description",
    "account",
    "quantity",
    "price_unit",
    "tax_rate",
    "amount_untaxed",
    "amount_total",
]

PAYMENT_COLUMNS = [
    "number",
    "date",
    "payment_type",
    "tenant",
    "tenant_uscc",
    "journal",
    "currency",
    "amount",
    "memo",
    "state",
    "invoices",
]


class MallFinanceExport(models.AbstractModel):
    """Tenant invoices and payments as plain rows for an external finance system: the same
    rows feed the CSV/XLSX export wizard and the JSON API. Only the active companies' (the
    company switcher's; an integration user's one company)."""

    _name = "mall.finance.export"
    _description = "Finance Export"

    @api.model
    def _check_dates(self, date_from, date_to):
        try:
            date_from, date_to = fields.Date.to_date(date_from), fields.Date.to_date(date_to)
        except ValueError as error:
            raise UserError(_("Dates are written YYYY-MM-DD.")) from error
        if not date_from or not date_to:
            raise UserError(_("Give the first and the last date of the export."))
        if date_to < date_from:
            raise UserError(_("The export cannot end before it starts."))
        return date_from, date_to

    @api.model
    def _invoice_domain(self, date_from, date_to):
        date_from, date_to = self._check_dates(date_from, date_to)
        return [
            ("company_id", "in", self.env.companies.ids),
            ("mall_lease_id", "!=", False),
            ("state", "=", "posted"),
            ("move_type", "in", ("out_invoice", "out_refund")),
            ("invoice_date", ">=", date_from),
            ("invoice_date", "<=", date_to),
        ]

    @api.model
    def _payment_domain(self, date_from, date_to):
        date_from, date_to = self._check_dates(date_from, date_to)
        # the tenants of every lease that went beyond the draft: only they were billed
        tenants = self.env["res.partner"].union(
            *(
                tenant
                for [tenant] in self.env["mall.lease"]._read_group(
                    [("state", "!=", "draft")], ["tenant_id"]
                )
            )
        )
        tenants = tenants.commercial_partner_id
        return [
            ("company_id", "in", self.env.companies.ids),
            ("partner_id", "in", tenants.ids),
            ("state", "not in", ("draft", "canceled")),
            ("date", ">=", date_from),
            ("date", "<=", date_to),
        ]

    @api.model
    def _selection_label(self, record, field_name):
        return dict(record._fields[field_name]._description_selection(self.env)).get(
            record[field_name], record[field_name] or ""
        )

    @api.model
    def _invoice_rows(self, invoices):
        return [
            {
                "number": move.name,
                "move_type": self._selection_label(move, "move_type"),
                "invoice_date": fields.Date.to_string(move.invoice_date),
                "due_date": fields.Date.to_string(move.invoice_date_due),
                "tenant": move.commercial_partner_id.name,
                "tenant_uscc": move.commercial_partner_id.mall_uscc or "",
                "lease": move.mall_lease_id.name,
                "mall": move.mall_lease_id.mall_id.name,
                "currency": move.currency_id.name,
                "amount_untaxed": move.amount_untaxed_signed,
                "amount_tax": move.amount_tax_signed,
                "amount_total": move.amount_total_signed,
                "amount_residual": move.amount_residual_signed,
                "payment_state": self._selection_label(move, "payment_state"),
            }
            for move in invoices
        ]

    @api.model
    def _invoice_line_rows(self, invoices):
        charges = {
            charge.product_id: charge
            for charge in self.env["mall.charge.type"]
            .with_context(active_test=False)
            .search([("product_id", "!=", False)])
        }
        rows = []
        for move in invoices:
            sign = -1 if move.move_type == "out_refund" else 1
            for line in move.invoice_line_ids.filtered(lambda ln: ln.display_type == "product"):
                rows.append(
                    {
                        "number": move.name,
                        "invoice_date": fields.Date.to_string(move.invoice_date),
                        "tenant": move.commercial_partner_id.name,
                        "lease": move.mall_lease_id.name,
                        "charge": charges.get(line.product_id, self.env["mall.charge.type"]).code
                        or "",
                        "description": line.name or "",
                        "account": line.account_id.code or "",
                        "quantity": line.quantity,
                        "price_unit": line.price_unit,
                        "tax_rate": sum(line.tax_ids.mapped("amount")),
                        "amount_untaxed": sign * line.price_subtotal,
                        "amount_total": sign * line.price_total,
                    }
                )
        return rows

    @api.model
    def _invoice_json(self, invoices):
        """Invoices with their lines nested, for the JSON API."""
        lines = {}
        for row in self._invoice_line_rows(invoices):
            lines.setdefault(row["number"], []).append(
                {
                    key: row[key]
                    for key in (
                        "charge",
                        "description",
                        "account",
                        "quantity",
                        "price_unit",
                        "tax_rate",
                        "amount_untaxed",
                        "amount_total",
                    )
                }
            )
        return [
            dict(row, lines=lines.get(row["number"], [])) for row in self._invoice_rows(invoices)
        ]

    @api.model
    def _payment_rows(self, payments):
        return [
            {
                "number": payment.name,
                "date": fields.Date.to_string(payment.date),
                "payment_type": self._selection_label(payment, "payment_type"),
                "tenant": payment.partner_id.name,
                "tenant_uscc": payment.partner_id.mall_uscc or "",
                "journal": payment.journal_id.name,
                "currency": payment.currency_id.name,
                "amount": payment.amount_signed,
                "memo": payment.memo or "",
                "state": self._selection_label(payment, "state"),
                "invoices": ", ".join(payment.reconciled_invoice_ids.mapped("name")),
            }
            for payment in payments
        ]
