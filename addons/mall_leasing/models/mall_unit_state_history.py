from odoo import fields, models

from .mall_unit import UNIT_STATES


class MallUnitStateHistory(models.Model):
    """One row per status change of a unit: when, from what, to what, by whom and why.

    Rows are written by ``mall.unit`` itself (on create and on every change of ``state``) and
    are never edited afterwards: they are the record of what happened to the space."""

    _name = "mall.unit.state.history"
    _description = "Unit Status History"
    _order = "date desc, id desc"
    _rec_name = "unit_id"

    unit_id = fields.Many2one("mall.unit", required=True, index=True, ondelete="cascade")
    mall_id = fields.Many2one(related="unit_id.mall_id", store=True, index=True)
    floor_id = fields.Many2one(related="unit_id.floor_id", store=True)
    company_id = fields.Many2one(related="unit_id.company_id", store=True, index=True)
    date = fields.Datetime(required=True, default=fields.Datetime.now, index=True)
    from_state = fields.Selection(UNIT_STATES, string="From Status")
    to_state = fields.Selection(UNIT_STATES, string="To Status", required=True)
    user_id = fields.Many2one("res.users", string="Changed By", default=lambda self: self.env.user)
    reason = fields.Char()
