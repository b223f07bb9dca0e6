from odoo import api, fields, models


class MallDepositRefundWizard(models.TransientModel):
    """Refund deposits to the tenant (退还保证金), usually on exit once the arrears are
    settled."""

    _name = "mall.deposit.refund.wizard"
    _description = "Refund Deposits"

    lease_id = fields.Many2one("mall.lease", required=True)
    company_id = fields.Many2one(related="lease_id.company_id")
    currency_id = fields.Many2one(related="lease_id.currency_id")
    deposit_held = fields.Monetary(related="lease_id.deposit_held")
    arrears_amount = fields.Monetary(related="lease_id.arrears_amount")
    amount = fields.Monetary(compute="_compute_amount", store=True, readonly=False, required=True)
    journal_id = fields.Many2one(
        "account.journal",
        string="Pay from",
        required=True,
        domain="[('type', 'in', ('bank', 'cash')), ('company_id', '=', company_id)]",
        default=lambda self: self.env["account.journal"].search(
            [
                *self.env["account.journal"]._check_company_domain(self.env.company),
                ("type", "=", "bank"),
            ],
            limit=1,
        ),
    )
    date = fields.Date(required=True, default=fields.Date.context_today)

    @api.depends("lease_id")
    def _compute_amount(self):
        for wizard in self:
            wizard.amount = wizard.lease_id.deposit_held

    def action_confirm(self):
        """Post the refund and open its payment."""
        self.ensure_one()
        payment = self.lease_id._deposit_refund(self.amount, self.journal_id, self.date)
        if not payment:
            return {"type": "ir.actions.act_window_close"}
        return {
            "type": "ir.actions.act_window",
            "res_model": "account.payment",
            "res_id": payment.id,
            "view_mode": "form",
        }
