from odoo import fields, models


class MallCategory(models.Model):
    """Business category (业态) of a unit or a tenant: 零售, 餐饮, 娱乐 ..."""

    _name = "mall.category"
    _description = "Business Category"
    _order = "sequence, id"
    _parent_store = True

    name = fields.Char(required=True, translate=True)
    code = fields.Char()
    sequence = fields.Integer(default=10)
    parent_id = fields.Many2one("mall.category", index=True, ondelete="restrict")
    parent_path = fields.Char(index=True)
    color = fields.Integer()
    active = fields.Boolean(default=True)

    _code_unique = models.Constraint("UNIQUE(code)", "A business category code must be unique.")
