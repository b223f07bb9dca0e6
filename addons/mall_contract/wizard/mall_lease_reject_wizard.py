from odoo import fields, models


class MallLeaseRejectWizard(models.TransientModel):
    """Asks why a lease is rejected; the lease goes back to draft with the reason."""

    _name = "mall.lease.reject.wizard"
    _description = "Reject Lease"

    lease_ids = fields.Many2many("mall.lease", required=True)
    reason = fields.Text(required=True)

    def action_confirm(self):
        """Reject the leases with the reason."""
        self.ensure_one()
        self.lease_ids.action_reject(self.reason)
        return {"type": "ir.actions.act_window_close"}
