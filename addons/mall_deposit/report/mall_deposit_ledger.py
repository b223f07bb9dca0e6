from odoo import fields, models, tools
from odoo.addons.mall_billing.report.bill_depends import BILL_DEPENDS
from odoo.addons.mall_billing.report.deposit_lines import deposit_lines_query
from odoo.tools import SQL

KINDS = [
    ("invoice", "Deposit Invoiced"),
    ("credit_note", "Credit Note"),
    ("offset", "Offset against Arrears"),
    ("refund", "Refunded"),
    ("other", "Other Entry"),
]


class MallDepositLedger(models.Model):
    """The deposit ledger (保证金台账): what each lease's deposits went through, read from the
    journal items on the deposit liability account, so it always agrees with Accounting.

    Received is the paid share of the deposit invoices; held is what was received and not
    yet offset against arrears nor refunded."""

    _name = "mall.deposit.ledger"
    _description = "Deposit Ledger"
    _auto = False
    _depends = {
        **BILL_DEPENDS,
        "account.move": [*BILL_DEPENDS["account.move"], "mall_deposit_operation"],
    }
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
    amount = fields.Monetary(
        string="Liability Movement",
        readonly=True,
        help="Credit to the liability account minus debit.",
    )
    amount_received = fields.Monetary(string="Received", readonly=True)
    amount_offset = fields.Monetary(string="Offset", readonly=True)
    amount_refunded = fields.Monetary(string="Refunded", readonly=True)
    amount_held = fields.Monetary(string="Held", readonly=True)

    def init(self):
        # the lines of mall_billing, split by what took the deposit off the liability
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """
            CREATE OR REPLACE VIEW %s AS (
                SELECT lines.id, lines.date, lines.company_id, lines.move_id, lines.lease_id,
                       lines.partner_id, lines.mall_id, lines.charge_type_id, lines.account_id,
                       CASE
                           WHEN lines.move_type = 'out_invoice' THEN 'invoice'
                           WHEN lines.move_type = 'out_refund' THEN 'credit_note'
                           WHEN am.mall_deposit_operation IS NOT NULL
                           THEN am.mall_deposit_operation
                           ELSE 'other'
                       END AS kind,
                       lines.amount,
                       CASE WHEN am.mall_deposit_operation IS NULL THEN lines.amount_held
                            ELSE 0 END AS amount_received,
                       CASE WHEN am.mall_deposit_operation = 'offset' THEN -lines.amount
                            ELSE 0 END AS amount_offset,
                       CASE WHEN am.mall_deposit_operation = 'refund' THEN -lines.amount
                            ELSE 0 END AS amount_refunded,
                       lines.amount_held
                  FROM (%s) lines
                  JOIN account_move am ON am.id = lines.move_id
            )""",
                SQL.identifier(self._table),
                deposit_lines_query(),
            )
        )
