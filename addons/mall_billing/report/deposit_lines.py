"""The deposits of leases as journal items, for the SQL-view reports (rent roll here, the
deposit ledger of mall_deposit on top)."""

from odoo.tools import SQL


def deposit_lines_query():
    """The journal items of the deposits of leases: every posted line on a liability account
    whose product is a deposit charge's product, on a journal entry linked to a lease. A
    deposit invoice credits the liability; offsets, refunds and credit notes debit it.

    ``amount_held`` is what the line leaves on the liability: the paid share of a deposit
    invoice (a deposit nobody paid is not held), the movement of any other entry."""
    return SQL("""
        SELECT aml.id AS id,
               aml.date AS date,
               aml.company_id AS company_id,
               am.id AS move_id,
               am.move_type AS move_type,
               am.mall_lease_id AS lease_id,
               lease.tenant_id AS partner_id,
               lease.mall_id AS mall_id,
               ct.id AS charge_type_id,
               aml.account_id AS account_id,
               -aml.balance AS amount,
               CASE
                   WHEN am.move_type = 'out_invoice' AND am.amount_total_signed <> 0
                   THEN -aml.balance * (1 - am.amount_residual_signed / am.amount_total_signed)
                   WHEN am.move_type = 'out_invoice' THEN 0
                   ELSE -aml.balance
               END AS amount_held
          FROM account_move_line aml
          JOIN account_move am ON am.id = aml.move_id
          JOIN mall_lease lease ON lease.id = am.mall_lease_id
          JOIN mall_charge_type ct ON ct.product_id = aml.product_id AND ct.is_deposit
          JOIN account_account acc ON acc.id = aml.account_id
         WHERE am.state = 'posted'
           AND LEFT(acc.account_type, 9) = 'liability'
    """)
