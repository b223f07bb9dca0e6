from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class MallLeaseTurnoverBand(models.Model):
    """A sales band of stepped turnover rent (阶梯扣点): from this monthly sales amount on,
    this rate applies to all the sales."""

    _name = "mall.lease.turnover.band"
    _inherit = ["mall.lease.term.mixin"]
    _description = "Turnover Rate Band"
    _order = "lease_id, sales_from"

    lease_id = fields.Many2one("mall.lease", required=True, index=True, ondelete="cascade")
    company_id = fields.Many2one(related="lease_id.company_id", store=True, index=True)
    currency_id = fields.Many2one(related="lease_id.currency_id")
    sales_from = fields.Monetary(string="Monthly Sales From", required=True)
    rate = fields.Float(string="Rate (%)", digits=(5, 2), required=True)

    @api.constrains("sales_from", "rate")
    def _check_values(self):
        for band in self:
            if band.sales_from < 0 or not 0 <= band.rate <= 100:
                raise ValidationError(
                    _(
                        "A turnover band needs a non-negative sales amount and a rate between 0 "
                        "and 100 %."
                    )
                )
