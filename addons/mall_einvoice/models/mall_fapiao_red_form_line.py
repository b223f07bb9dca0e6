from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from ..lib import amounts


class MallFapiaoRedFormLine(models.Model):
    """One blue line reversed by a red-letter form: all of it, or part of it (a lower quantity
    or, for a price reduction 销售折让, a lower price)."""

    _name = "mall.fapiao.red.form.line"
    _description = "Red-Letter Form Line"
    _order = "form_id, id"

    form_id = fields.Many2one("mall.fapiao.red.form", required=True, ondelete="cascade", index=True)
    blue_line_id = fields.Many2one("mall.fapiao.line", required=True)
    name = fields.Char(related="blue_line_id.name")
    currency_id = fields.Many2one(related="form_id.currency_id")
    quantity = fields.Float(string="Quantity to Reverse", digits=(16, 8))
    price_unit = fields.Float(string="Unit Price", digits=(16, 8))
    amount = fields.Monetary(string="Amount Excl. Tax", compute="_compute_amounts")
    tax = fields.Monetary(compute="_compute_amounts")
    total = fields.Monetary(string="Total Incl. Tax", compute="_compute_amounts")

    @api.depends("quantity", "price_unit", "blue_line_id")
    def _compute_amounts(self):
        for line in self:
            blue = line.blue_line_id
            amount, tax, total = amounts.line_amounts(
                -line.quantity, line.price_unit, blue.tax_rate, blue.price_include
            )
            line.amount, line.tax, line.total = float(amount), float(tax), float(total)

    @api.constrains("quantity", "price_unit")
    def _check_within_blue(self):
        for line in self:
            blue = line.blue_line_id
            if line.quantity < 0 or line.price_unit < 0:
                raise ValidationError(_("Reverse a positive quantity at a positive price."))
            reversed_before = sum(
                blue.fapiao_id.red_ids.filtered(lambda red: red.state != "failed")
                .line_ids.filtered(lambda red_line, blue=blue: red_line.blue_line_id == blue)
                .mapped("total")
            )
            left = amounts.fen(blue.total) + amounts.fen(reversed_before)
            if amounts.fen(-line.total) > left:
                raise ValidationError(
                    _(
                        "%(item)s: at most %(left)s can still be reversed.",
                        item=blue.name,
                        left=f"{left:.2f}",
                    )
                )
