from odoo import fields, models, tools
from odoo.tools import SQL

from .bill_depends import BILL_DEPENDS

KINDS = [
    ("invoice", "Deposit Invoiced"),
    ("credit_note", "Credit Note"),
    ("offset", "Offset against Arrears"),
    ("refund", "Refunded"),
    ("other", "Other Entry"),
]


def deposit_lines_query():
    """The journal items of the deposits of leases: every posted line on a liability account
    whose product is a deposit charge's product, on a journal entry linked to a lease. A
    deposit invoice credits the liability; offsets and refunds debit it."""
    return SQL("""
        SELECT aml.id AS id,
               aml.date AS date,
               aml.company_id AS company_id,
               am.id AS move_id,
               am.mall_lease_id AS lease_id,
               lease.tenant_id AS partner_id,
               lease.mall_id AS mall_id,
               ct.id AS charge_type_id,
               aml.account_id AS account_id,
               CASE
                   WHEN am.move_type = 'out_invoice' THEN 'invoice'
                   WHEN am.move_type = 'out_refund' THEN 'credit_note'
                   WHEN am.mall_deposit_operation IS NOT NULL THEN am.mall_deposit_operation
                   ELSE 'other'
               END AS kind,
               -aml.balance AS amount,
               CASE
                   WHEN am.move_type = 'out_invoice' AND am.amount_total_signed <> 0
                   THEN -aml.balance * (1 - am.amount_residual_signed / am.amount_total_signed)
                   WHEN am.move_type = 'out_invoice' THEN 0
                   WHEN am.mall_deposit_operation IS NULL THEN -aml.balance
                   ELSE 0
               END AS amount_received,
               CASE WHEN am.mall_deposit_operation = 'offset' THEN aml.balance ELSE 0 END
                   AS amount_offset,
               CASE WHEN am.mall_deposit_operation = 'refund' THEN aml.balance ELSE 0 END
                   AS amount_refunded
          FROM account_move_line aml
          JOIN account_move am ON am.id = aml.move_id
          JOIN mall_lease lease ON lease.id = am.mall_lease_id
          JOIN mall_charge_type ct ON ct.product_id = aml.product_id AND ct.is_deposit
          JOIN account_account acc ON acc.id = aml.account_id
         WHERE am.state = 'posted'
           AND LEFT(acc.account_type, 9) = 'liability'
    """)


class MallDepositLedger(models.Model):
    """The deposit ledger (保证金台账): what each lease's deposits went through, read from the
    journal items on the deposit liability account, so it always agrees with Accounting.

    Received is the paid share of the deposit invoices; held is what was received and not
    yet offset against arrears nor refunded."""

    _name = "mall.deposit.ledger"
    _description = "Deposit Ledger"
    _auto = False
    _depends = BILL_DEPENDS
    _order = "date desc, id desc"
    _rec_name = "move_id"

    date = fields.Date(readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    move_id = fields.Many2one("account.move", string="Journal Entry", readonly=True)
    lease_id = fields.Many2one("mall.lease", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Tenant", readonly=True)
    mall_id = fields.Many2one("mall.mall", readonly=True)
    charge_type_id = fields.Many2one("mall.charge.type", string="Deposit", readonly=True)
    account_id = fields.Many2one("account.account", readonly=True)
    kind = fields.Selection(KINDS, string="Operation", readonly=True)
    amount = fields.Monetary(string="Liability Movement", readonly=True,
                             help="Credit to the liability account minus debit.")
    amount_received = fields.Monetary(string="Received", readonly=True)
    amount_offset = fields.Monetary(string="Offset", readonly=True)
    amount_refunded = fields.Monetary(string="Refunded", readonly=True)
    amount_held = fields.Monetary(string="Held", readonly=True)

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(SQL("""
            CREATE OR REPLACE VIEW %s AS (
                SELECT lines.*,
                       lines.amount_received - lines.amount_offset - lines.amount_refunded
                           AS amount_held
                  FROM (%s) lines
            )""", SQL.identifier(self._table), deposit_lines_query()))
