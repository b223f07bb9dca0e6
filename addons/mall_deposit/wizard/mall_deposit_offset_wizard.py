from odoo import api, fields, models


class MallDepositOffsetWizard(models.TransientModel):
    """Offset deposits against arrears (保证金冲抵欠费): how much of the deposits held pays the
    lease's open bills, oldest first."""

    _name = "mall.deposit.offset.wizard"
    _description = "Offset Deposits against Arrears"

    lease_id = fields.Many2one("mall.lease", required=True)
    currency_id = fields.Many2one(related="lease_id.currency_id")
    deposit_held = fields.Monetary(related="lease_id.deposit_held")
    open_amount = fields.Monetary(related="lease_id.open_amount")
    arrears_amount = fields.Monetary(related="lease_id.arrears_amount")
    amount = fields.Monetary(
        compute="_compute_amount",
        store=True,
        readonly=False,
        required=True,
        help="By default as much as the deposits held and the open bills allow.",
    )
    date = fields.Date(required=True, default=fields.Date.context_today)

    @api.depends("lease_id")
    def _compute_amount(self):
        for wizard in self:
            wizard.amount = min(wizard.lease_id.deposit_held, wizard.lease_id.open_amount)

    def action_confirm(self):
        """Post the offset entry and open it."""
        self.ensure_one()
        move = self.lease_id._deposit_offset(self.amount, self.date)
        if not move:
            return {"type": "ir.actions.act_window_close"}
        return {
            "type": "ir.actions.act_window",
            "res_model": "account.move",
            "res_id": move.id,
            "view_mode": "form",
        }
