from odoo import fields, models, tools
from odoo.tools import SQL

from .bill_depends import BILL_DEPENDS

BUCKETS = [
    ("not_due", "Not Yet Due"),
    ("0_30", "0–30 Days"),
    ("31_60", "31–60 Days"),
    ("61_90", "61–90 Days"),
    ("90_plus", "Over 90 Days"),
]


class MallArrearsAgingReport(models.Model):
    """Arrears aging (欠费账龄): the open amounts of the tenants' posted bills, by days past
    the due date in 0–30 / 31–60 / 61–90 / 90+ buckets. Read from the receivable journal
    items, so a payment, a credit note or a deposit offset shows at once."""

    _name = "mall.arrears.aging.report"
    _description = "Arrears Aging"
    _auto = False
    _depends = BILL_DEPENDS
    _order = "date_maturity, id"
    _rec_name = "move_id"

    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    move_id = fields.Many2one("account.move", string="Invoice", readonly=True)
    lease_id = fields.Many2one("mall.lease", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Tenant", readonly=True)
    mall_id = fields.Many2one("mall.mall", readonly=True)
    date_maturity = fields.Date(string="Due Date", readonly=True)
    days_overdue = fields.Integer(readonly=True, aggregator="max")
    bucket = fields.Selection(BUCKETS, string="Aging", readonly=True)
    amount_residual = fields.Monetary(string="Outstanding", readonly=True)
    amount_not_due = fields.Monetary(string="Not Yet Due", readonly=True)
    amount_0_30 = fields.Monetary(string="0–30 Days", readonly=True)
    amount_31_60 = fields.Monetary(string="31–60 Days", readonly=True)
    amount_61_90 = fields.Monetary(string="61–90 Days", readonly=True)
    amount_90_plus = fields.Monetary(string="Over 90 Days", readonly=True)
    amount_overdue = fields.Monetary(string="Overdue", readonly=True)

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """
            CREATE OR REPLACE VIEW %s AS (
                SELECT base.*,
                       CASE WHEN base.days_overdue <= 0 THEN 'not_due'
                            WHEN base.days_overdue <= 30 THEN '0_30'
                            WHEN base.days_overdue <= 60 THEN '31_60'
                            WHEN base.days_overdue <= 90 THEN '61_90'
                            ELSE '90_plus' END AS bucket,
                       CASE WHEN base.days_overdue <= 0 THEN base.amount_residual ELSE 0 END
                           AS amount_not_due,
                       CASE WHEN base.days_overdue BETWEEN 1 AND 30
                            THEN base.amount_residual ELSE 0 END AS amount_0_30,
                       CASE WHEN base.days_overdue BETWEEN 31 AND 60
                            THEN base.amount_residual ELSE 0 END AS amount_31_60,
                       CASE WHEN base.days_overdue BETWEEN 61 AND 90
                            THEN base.amount_residual ELSE 0 END AS amount_61_90,
                       CASE WHEN base.days_overdue > 90 THEN base.amount_residual ELSE 0 END
                           AS amount_90_plus,
                       CASE WHEN base.days_overdue > 0 THEN base.amount_residual ELSE 0 END
                           AS amount_overdue
                  FROM (
                    SELECT aml.id AS id, aml.company_id, am.id AS move_id,
                           am.mall_lease_id AS lease_id, lease.tenant_id AS partner_id,
                           lease.mall_id AS mall_id,
                           COALESCE(aml.date_maturity, am.invoice_date_due, aml.date)
                               AS date_maturity,
                           CURRENT_DATE - COALESCE(aml.date_maturity, am.invoice_date_due,
                                                   aml.date) AS days_overdue,
                           aml.amount_residual AS amount_residual
                      FROM account_move_line aml
                      JOIN account_move am ON am.id = aml.move_id
                      JOIN mall_lease lease ON lease.id = am.mall_lease_id
                      JOIN account_account acc ON acc.id = aml.account_id
                     WHERE am.state = 'posted'
                       AND am.move_type IN ('out_invoice', 'out_refund')
                       AND acc.account_type = 'asset_receivable'
                       AND NOT aml.reconciled
                       AND aml.amount_residual <> 0
                  ) base
            )""",
                SQL.identifier(self._table),
            )
        )
