from odoo import fields, models, tools
from odoo.tools import SQL

from .bill_depends import BILL_DEPENDS
from .deposit_lines import deposit_lines_query


class MallRentRollReport(models.Model):
    """Rent roll (租金清单): every unit of the malls with the lease in force on it, its
    tenant, term, area, monthly rent and fees, the deposit held and the arrears. A lease on
    several units shares its deposit and arrears between them by leasable area; vacant
    units are listed too, with nothing but their area."""

    _name = "mall.rent.roll.report"
    _description = "Rent Roll"
    _auto = False
    _depends = {
        **BILL_DEPENDS,
        "mall.unit": ["floor_id", "mall_id", "company_id", "leasable_area", "active"],
        "mall.lease.line": [
            "unit_id",
            "lease_id",
            "state",
            "leasable_area",
            "price",
            "monthly_rent",
        ],
        "mall.lease.fee": ["lease_id", "price"],
    }
    _order = "mall_id, floor_id, unit_id"
    _rec_name = "unit_id"

    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    unit_id = fields.Many2one("mall.unit", readonly=True)
    mall_id = fields.Many2one("mall.mall", readonly=True)
    floor_id = fields.Many2one("mall.floor", readonly=True)
    lease_id = fields.Many2one("mall.lease", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Tenant", readonly=True)
    occupancy = fields.Selection([("leased", "Leased"), ("vacant", "Vacant")], readonly=True)
    date_start = fields.Date(string="Start Date", readonly=True)
    date_end = fields.Date(string="End Date", readonly=True)
    leasable_area = fields.Float(string="Leasable Area (m²)", digits="Mall Area", readonly=True)
    price = fields.Monetary(string="Rent (CNY/m²/month)", readonly=True, aggregator="avg")
    monthly_rent = fields.Monetary(readonly=True)
    monthly_fees = fields.Monetary(
        readonly=True, help="Property, marketing and other fees per month."
    )
    deposit_held = fields.Monetary(readonly=True)
    arrears = fields.Monetary(readonly=True, help="Overdue open amount of the lease's bills.")

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """
            CREATE OR REPLACE VIEW %s AS (
                WITH deposits AS (
                    SELECT lines.lease_id, SUM(lines.amount_held) AS held
                      FROM (%s) lines
                     GROUP BY lines.lease_id
                ), arrears AS (
                    SELECT am.mall_lease_id AS lease_id, SUM(aml.amount_residual) AS amount
                      FROM account_move_line aml
                      JOIN account_move am ON am.id = aml.move_id
                      JOIN account_account acc ON acc.id = aml.account_id
                     WHERE am.state = 'posted' AND am.mall_lease_id IS NOT NULL
                       AND am.move_type IN ('out_invoice', 'out_refund')
                       AND acc.account_type = 'asset_receivable'
                       AND NOT aml.reconciled
                       AND COALESCE(aml.date_maturity, am.invoice_date_due) < CURRENT_DATE
                     GROUP BY am.mall_lease_id
                ), fees AS (
                    SELECT lease_id, SUM(price) AS price
                      FROM mall_lease_fee GROUP BY lease_id
                )
                SELECT unit.id AS id, unit.company_id, unit.id AS unit_id, unit.mall_id,
                       unit.floor_id, lease.id AS lease_id, lease.tenant_id AS partner_id,
                       CASE WHEN lease.id IS NULL THEN 'vacant' ELSE 'leased' END AS occupancy,
                       lease.date_start, lease.date_end,
                       COALESCE(line.leasable_area, unit.leasable_area) AS leasable_area,
                       line.price AS price,
                       COALESCE(line.monthly_rent, 0) AS monthly_rent,
                       COALESCE(fees.price * line.leasable_area, 0) AS monthly_fees,
                       COALESCE(deposits.held * share.ratio, 0) AS deposit_held,
                       COALESCE(arrears.amount * share.ratio, 0) AS arrears
                  FROM mall_unit unit
                  LEFT JOIN mall_lease_line line
                         ON line.unit_id = unit.id AND line.state IN ('active', 'expiring')
                  LEFT JOIN mall_lease lease ON lease.id = line.lease_id
                  LEFT JOIN LATERAL (
                      SELECT CASE WHEN COALESCE(lease.total_area, 0) > 0
                                  THEN line.leasable_area / lease.total_area
                                  ELSE 1.0 / GREATEST(
                                      (SELECT COUNT(*) FROM mall_lease_line l2
                                        WHERE l2.lease_id = lease.id), 1)
                             END AS ratio
                  ) share ON TRUE
                  LEFT JOIN fees ON fees.lease_id = lease.id
                  LEFT JOIN deposits ON deposits.lease_id = lease.id
                  LEFT JOIN arrears ON arrears.lease_id = lease.id
                 WHERE unit.active
            )""",
                SQL.identifier(self._table),
                deposit_lines_query(),
            )
        )
