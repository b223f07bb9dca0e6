from odoo import fields, models
from odoo.exceptions import UserError


class MallLeaseTerminateWizard(models.TransientModel):
    """Termination with its settlement (清算): the deposits held first pay the open bills, and
    what is left can be refunded to the tenant at once."""

    _inherit = "mall.lease.terminate.wizard"

    deposit_held = fields.Monetary(related="lease_id.deposit_held")
    open_amount = fields.Monetary(related="lease_id.open_amount")
    offset_deposits = fields.Boolean(
        string="Offset Open Bills with Deposits",
        default=lambda self: self.env.user.has_group("mall_leasing.group_finance_user"),
        help="Post an entry taking the deposits held to pay the lease's open bills.",
    )
    refund_deposits = fields.Boolean(
        string="Refund the Remaining Deposits",
        help="Pay what is left of the deposits back to the tenant.",
    )
    refund_journal_id = fields.Many2one(
        "account.journal", string="Refund from", domain="[('type', 'in', ('bank', 'cash'))]"
    )

    def action_confirm(self):
        """Terminate the lease, then settle its deposits as asked."""
        self.ensure_one()
        if (self.offset_deposits or self.refund_deposits) and not self.env.user.has_group(
            "mall_leasing.group_finance_user"
        ):
            raise UserError(
                self.env._(
                    "Only finance staff can settle deposits; terminate without settlement and "
                    "let finance offset or refund them from the lease."
                )
            )
        result = super().action_confirm()
        self.env["mall.lease"]._deposit_settle_on_exit(
            self.lease_id,
            offset=self.offset_deposits,
            refund=self.refund_deposits,
            journal=self.refund_journal_id or None,
            date=self.termination_date,
        )
        return result
