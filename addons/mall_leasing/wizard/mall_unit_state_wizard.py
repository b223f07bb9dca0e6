from odoo import fields, models

from ..models.mall_unit import UNIT_STATES


class MallUnitStateWizard(models.TransientModel):
    """Change the status of units by hand, saying why (the reason goes to the history)."""

    _name = "mall.unit.state.wizard"
    _description = "Change Unit Status"

    unit_ids = fields.Many2many("mall.unit", string="Units", required=True)
    new_state = fields.Selection(UNIT_STATES, string="New Status", required=True)
    reason = fields.Char(required=True)

    def action_apply(self):
        """Apply the new status through ``mall.unit._set_state``."""
        self.ensure_one()
        self.unit_ids._set_state(self.new_state, self.reason)
        return {"type": "ir.actions.act_window_close"}
