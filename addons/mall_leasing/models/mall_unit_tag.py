from odoo import fields, models


class MallUnitTag(models.Model):
    """Free labels on units (临街, 转角, 挑高 ...) to search and group them."""

    _name = "mall.unit.tag"
    _description = "Unit Tag"
    _order = "name"

    name = fields.Char(required=True, translate=True)
    color = fields.Integer()
    active = fields.Boolean(default=True)

    _name_unique = models.Constraint("UNIQUE(name)", "A unit tag name must be unique.")
