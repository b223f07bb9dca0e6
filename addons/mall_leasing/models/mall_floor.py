from odoo import fields, models


class MallFloor(models.Model):
    """A floor (楼层) of a mall, e.g. B1, 1F ... 5F."""

    _name = "mall.floor"
    _description = "Mall Floor"
    _order = "mall_id, level, id"

    name = fields.Char(required=True)
    mall_id = fields.Many2one("mall.mall", required=True, index=True, ondelete="cascade")
    company_id = fields.Many2one(related="mall_id.company_id", store=True, index=True)
    level = fields.Integer(
        help="Vertical order of the floor: -1 for B1, 1 for the ground floor (1F).")
    active = fields.Boolean(default=True)
    unit_ids = fields.One2many("mall.unit", "floor_id")

    _name_mall_unique = models.Constraint(
        "UNIQUE(mall_id, name)", "A floor name must be unique within a mall.")
