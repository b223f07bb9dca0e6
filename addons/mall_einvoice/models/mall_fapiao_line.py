from odoo import api, fields, models

from ..lib import amounts


class MallFapiaoLine(models.Model):
    _name = "mall.fapiao.line"
    _description = "Fapiao Line"
    _order = "fapiao_id, sequence, id"

    fapiao_id = fields.Many2one("mall.fapiao", required=True, ondelete="cascade", index=True)
    sequence = fields.Integer(default=10)
    move_line_id = fields.Many2one("account.move.line", string="Invoice Line", ondelete="set null")
    product_id = fields.Many2one("product.product")
    name = fields.Char(string="Item Name", required=True)
    tax_code = fields.Char(string="Tax Classification Code", size=19)
    preferential = fields.Char(string="Preferential Policy")
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
