from odoo import fields, models, tools

from .mall_fapiao import KINDS


class MallFapiaoReport(models.Model):
    """Issued fapiao lines for the monthly statistics by tax rate and kind (blue and red)."""

    _name = "mall.fapiao.report"
    _description = "Fapiao Statistics"
    _auto = False
    _order = "issue_date desc"

    issue_date = fields.Date(readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one("res.currency", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Tenant", readonly=True)
    fapiao_id = fields.Many2one("mall.fapiao", readonly=True)
    kind = fields.Selection(KINDS, readonly=True)
    colour = fields.Selection([("blue", "Blue"), ("red", "Red")], readonly=True)
    tax_rate = fields.Char(readonly=True)
    amount = fields.Monetary(string="Amount Excl. Tax", readonly=True)
    tax = fields.Monetary(readonly=True)
    total = fields.Monetary(string="Total Incl. Tax", readonly=True)
    fapiao_count = fields.Integer(string="Fapiao", readonly=True, aggregator="sum")

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        # fapiao_count counts each fapiao once: on its first line
        self.env.cr.execute(
            f"""
            CREATE VIEW {self._table} AS (
                SELECT line.id AS id,
                       (fapiao.issue_date AT TIME ZONE 'UTC' AT TIME ZONE 'Asia/Shanghai')::date
                           AS issue_date,
                       fapiao.company_id, fapiao.currency_id, fapiao.partner_id,
                       fapiao.id AS fapiao_id, fapiao.kind,
                       CASE WHEN fapiao.is_red THEN 'red' ELSE 'blue' END AS colour,
                       round(line.tax_rate::numeric * 100, 2)::float::text || '%' AS tax_rate,
                       line.amount, line.tax, line.total,
                       CASE WHEN line.id = (
                           SELECT min(first.id) FROM mall_fapiao_line first
                           WHERE first.fapiao_id = fapiao.id
                       ) THEN 1 ELSE 0 END AS fapiao_count
                  FROM mall_fapiao_line line
                  JOIN mall_fapiao fapiao ON fapiao.id = line.fapiao_id
                 WHERE fapiao.state = 'issued'
            )
            """
        )
