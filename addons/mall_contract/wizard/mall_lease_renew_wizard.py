from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models


class MallLeaseRenewWizard(models.TransientModel):
    """Renewal (续签): a new lease from the current one, rent adjusted, with the tenant's credit
    policy in sight."""

    _name = "mall.lease.renew.wizard"
    _description = "Renew Lease"

    lease_id = fields.Many2one("mall.lease", required=True)
    date_start = fields.Date(
        compute="_compute_dates", store=True, readonly=False, required=True, precompute=True
    )
    date_end = fields.Date(
        compute="_compute_dates", store=True, readonly=False, required=True, precompute=True
    )
    rent_change_pct = fields.Float(string="Rent Change (%)", digits=(5, 2), default=5.0)
    credit_policy = fields.Text(compute="_compute_credit_policy")

    @api.depends("lease_id")
    def _compute_dates(self):
        for wizard in self:
            lease = wizard.lease_id
            if lease.date_end:
                wizard.date_start = lease.date_end + timedelta(days=1)
                wizard.date_end = (
                    wizard.date_start
                    + relativedelta(months=lease.duration_months or 12)
                    - timedelta(days=1)
                )

    @api.depends("lease_id")
    def _compute_credit_policy(self):
        priorities = {"high": _("high"), "normal": _("normal"), "low": _("low")}
        for wizard in self:
            tenant = wizard.lease_id.tenant_id
            if not tenant:
                wizard.credit_policy = False
                continue
            policy = tenant._mall_credit_policy()
            wizard.credit_policy = _(
                "Credit grade: %(grade)s (score %(score)s). Renewal priority: %(priority)s. "
                "Discount ceiling: %(ceiling)s %%. Deposit multiplier: %(multiplier)s.%(watch)s",
                grade=policy.get("grade") or "-",
                score=policy.get("score") or "-",
                priority=priorities.get(policy.get("renewal_priority"), "-"),
                ceiling=policy.get("discount_ceiling") or 0,
                multiplier=policy.get("deposit_multiplier") or 1,
                watch=_(" Closer supervision required.")
                if policy.get("closer_supervision")
                else "",
            )

    def action_confirm(self):
        """Create the renewal and open it."""
        self.ensure_one()
        renewal = self.lease_id.action_renew(self.rent_change_pct, self.date_start, self.date_end)
        return {
            "type": "ir.actions.act_window",
            "res_model": "mall.lease",
            "res_id": renewal.id,
            "view_mode": "form",
        }
