from odoo import fields, models


class MallLeaseTerminateWizard(models.TransientModel):
    """Early termination (提前解约): date, reason, penalty and settlement notes."""

    _name = "mall.lease.terminate.wizard"
    _description = "Terminate Lease"

    lease_id = fields.Many2one("mall.lease", required=True)
    currency_id = fields.Many2one(related="lease_id.currency_id")
    termination_date = fields.Date(required=True, default=fields.Date.context_today)
    reason = fields.Text(required=True)
    penalty = fields.Monetary()
    notes = fields.Text(
        string="Settlement Notes",
        help="Deposits to refund or offset, arrears, handover of the premises.",
    )
    early_exit = fields.Boolean(
        string="Tenant's Early Exit", default=True, help="Counts against the tenant's credit grade."
    )

    def action_confirm(self):
        """Terminate the lease."""
        self.ensure_one()
        self.lease_id.action_terminate(
            self.termination_date, self.reason, self.penalty, self.notes, self.early_exit
        )
        return {"type": "ir.actions.act_window_close"}
