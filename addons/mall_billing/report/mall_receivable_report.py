from odoo import fields, models, tools
from odoo.tools import SQL

from ..models.mall_receivable import RECEIVABLE_STATES
from .bill_depends import BILL_DEPENDS


class MallReceivableReport(models.Model):
    """Receivables analysis (应收分析): the receivable schedule with what was invoiced and
    collected, by tenant, period, charge, mall and floor. The collection rate (收缴率) is the
    collected amount over the invoiced amount of the rows grouped, not an average of rates."""

    _name = "mall.receivable.report"
    _description = "Receivables Analysis"
    _auto = False
    _depends = {
        **BILL_DEPENDS,
        "mall.receivable": [
            "lease_id",
            "partner_id",
            "company_id",
            "mall_id",
            "unit_id",
            "charge_type_id",
            "source",
            "state",
            "period_start",
            "due_date",
            "move_id",
            "amount",
        ],
        "mall.unit": ["floor_id"],
    }
    _order = "due_date desc, id desc"
    _rec_name = "receivable_id"

    receivable_id = fields.Many2one("mall.receivable", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    lease_id = fields.Many2one("mall.lease", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Tenant", readonly=True)
    mall_id = fields.Many2one("mall.mall", readonly=True)
    floor_id = fields.Many2one("mall.floor", readonly=True)
    unit_id = fields.Many2one("mall.unit", readonly=True)
    charge_type_id = fields.Many2one("mall.charge.type", readonly=True)
    category = fields.Selection(
        selection=lambda self: self.env["mall.charge.type"]._fields["category"].selection,
        readonly=True,
    )
    source = fields.Selection(
        selection=lambda self: self.env["mall.receivable"]._fields["source"].selection,
        readonly=True,
    )
    state = fields.Selection(RECEIVABLE_STATES, readonly=True)
    period_start = fields.Date(string="Period", readonly=True)
    due_date = fields.Date(readonly=True)
    move_id = fields.Many2one("account.move", string="Invoice", readonly=True)
    amount = fields.Monetary(string="Scheduled", readonly=True)
    amount_invoiced = fields.Monetary(
        string="Receivable", readonly=True, help="Amount billed on posted invoices (应收)."
    )
    amount_collected = fields.Monetary(
        string="Collected", readonly=True, help="Paid share of the invoiced amount (实收)."
    )
    amount_residual = fields.Monetary(string="Outstanding", readonly=True)
    amount_overdue = fields.Monetary(
        string="Overdue", readonly=True, help="Outstanding amount past its due date."
    )
    collection_rate = fields.Float(
        string="Collection Rate (%)",
        readonly=True,
        aggregator="sum",
        help="收缴率: collected ÷ receivable of the rows shown.",
    )

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """
            CREATE OR REPLACE VIEW %s AS (
                SELECT base.*,
                       base.amount_invoiced - base.amount_collected AS amount_residual,
                       CASE WHEN base.due_date < CURRENT_DATE
                            THEN base.amount_invoiced - base.amount_collected ELSE 0
                       END AS amount_overdue,
                       CASE WHEN base.amount_invoiced <> 0
                            THEN 100.0 * base.amount_collected / base.amount_invoiced ELSE 0
                       END AS collection_rate
                  FROM (
                    SELECT r.id AS id,
                           r.id AS receivable_id,
                           r.company_id, r.lease_id, r.partner_id, r.mall_id,
                           unit.floor_id AS floor_id, r.unit_id, r.charge_type_id, ct.category,
                           r.source,
                           r.state, r.period_start, r.due_date, r.move_id, r.amount,
                           CASE WHEN r.state IN ('invoiced', 'paid') THEN r.amount ELSE 0 END
                               AS amount_invoiced,
                           CASE
                               WHEN r.state = 'paid' THEN r.amount
                               WHEN r.state = 'invoiced' AND am.state = 'posted'
                                    AND am.amount_total_signed <> 0
                               THEN r.amount * (1 - am.amount_residual_signed
                                                / am.amount_total_signed)
                               ELSE 0
                           END AS amount_collected
                      FROM mall_receivable r
                      JOIN mall_charge_type ct ON ct.id = r.charge_type_id
                      LEFT JOIN mall_unit unit ON unit.id = r.unit_id
                      LEFT JOIN account_move am ON am.id = r.move_id
                     WHERE r.state != 'cancelled'
                  ) base
            )""",
                SQL.identifier(self._table),
            )
        )

    def _read_group_select(self, aggregate_spec, query):
        # the rate of a group is the ratio of its sums, not the sum of the rows' rates
        if aggregate_spec != "collection_rate:sum":
            return super()._read_group_select(aggregate_spec, query)
        return SQL(
            "COALESCE(100.0 * SUM(%(collected)s) / NULLIF(SUM(%(invoiced)s), 0), 0)",
            collected=self._field_to_sql(self._table, "amount_collected", query),
            invoiced=self._field_to_sql(self._table, "amount_invoiced", query),
        )
