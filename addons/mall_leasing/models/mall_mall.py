from odoo import fields, models


class MallMall(models.Model):
    """A shopping mall (项目): the top of the space hierarchy, one or several per company."""

    _name = "mall.mall"
    _description = "Mall"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "sequence, name"

    name = fields.Char(required=True, tracking=True)
    code = fields.Char(required=True, tracking=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    partner_id = fields.Many2one(
        "res.partner", string="Address", help="The mall's address, printed on leases and fapiao.")
    floor_ids = fields.One2many("mall.floor", "mall_id")
    unit_ids = fields.One2many("mall.unit", "mall_id")
    floor_count = fields.Integer(compute="_compute_counts")
    unit_count = fields.Integer(compute="_compute_counts")

    _code_company_unique = models.Constraint(
        "UNIQUE(company_id, code)", "A mall code must be unique within a company.")

    def _compute_counts(self):
        floors = dict(self.env["mall.floor"]._read_group(
            [("mall_id", "in", self.ids)], ["mall_id"], ["__count"]))
        units = dict(self.env["mall.unit"]._read_group(
            [("mall_id", "in", self.ids)], ["mall_id"], ["__count"]))
        for mall in self:
            mall.floor_count = floors.get(mall, 0)
            mall.unit_count = units.get(mall, 0)
