from odoo import fields, models


class MallBuilding(models.Model):
    """A building (楼栋) of a mall, for projects made of several blocks (A座, B座 ...).
    Optional: a single-building mall leaves its floors without a building."""

    _name = "mall.building"
    _description = "Mall Building"
    _order = "mall_id, sequence, name"

    name = fields.Char(required=True)
    code = fields.Char()
    sequence = fields.Integer(default=10)
    mall_id = fields.Many2one("mall.mall", required=True, index=True, ondelete="cascade")
    company_id = fields.Many2one(related="mall_id.company_id", store=True, index=True)
    active = fields.Boolean(default=True)
    floor_ids = fields.One2many("mall.floor", "building_id")

    _name_mall_unique = models.Constraint(
        "UNIQUE(mall_id, name)", "A building name must be unique within a mall."
    )
