from odoo import api, fields, models

from ..lib import amounts
from .mall_charge_type import PREFERENTIAL_FLAGS


class MallFapiaoLine(models.Model):
    _name = "mall.fapiao.line"
    _description = "Fapiao Line"
    _order = "fapiao_id, sequence, id"

    fapiao_id = fields.Many2one("mall.fapiao", required=True, ondelete="cascade", index=True)
    sequence = fields.Integer(default=10)
    move_line_id = fields.Many2one("account.move.line", string="Invoice Line", ondelete="set null")
    blue_line_id = fields.Many2one(
        "mall.fapiao.line", string="Reversed Line", ondelete="set null", index="btree_not_null"
    )
    product_id = fields.Many2one("product.product")
    name = fields.Char(string="Item Name", required=True)
    tax_code = fields.Char(string="Tax Classification Code", size=19)
    preferential = fields.Selection(PREFERENTIAL_FLAGS, string="Preferential Policy")
    quantity = fields.Float(digits=(16, 8), default=1.0)
    price_unit = fields.Float(string="Unit Price", digits=(16, 8))
    price_include = fields.Boolean(string="Price Includes Tax")
    tax_rate = fields.Float(digits=(4, 4), help="0.09 for 9%.")
    currency_id = fields.Many2one(related="fapiao_id.currency_id")
    amount = fields.Monetary(string="Amount Excl. Tax", compute="_compute_amounts", store=True)
    tax = fields.Monetary(compute="_compute_amounts", store=True)
    total = fields.Monetary(string="Total Incl. Tax", compute="_compute_amounts", store=True)
    is_rent = fields.Boolean(string="Immovable Property Rent")

    @api.depends("quantity", "price_unit", "price_include", "tax_rate")
    def _compute_amounts(self):
        for line in self:
            amount, tax, total = amounts.line_amounts(
                line.quantity, line.price_unit, line.tax_rate, line.price_include
            )
            line.amount, line.tax, line.total = float(amount), float(tax), float(total)

    def _rate_label(self):
        """9%, 13%, 1.5%: the rate as printed on the fapiao."""
        self.ensure_one()
        return f"{(amounts.to_decimal(self.tax_rate) * 100).normalize():f}%"

    def _provider_line(self):
        self.ensure_one()
        return {
            "index": self.blue_line_id.sequence or self.sequence,
            "name": self.name,
            "tax_code": self.tax_code,
            "quantity": self.quantity,
            "price": self.price_unit,
            "price_include": self.price_include,
            "rate": self.tax_rate,
            "amount": self.amount,
            "tax": self.tax,
            "total": self.total,
            "preferential": self.preferential or "",
            "spec": "",
            "unit": "",
        }
