"""Approval of a lease: submission, one or two approval levels, rejection, and the lease
coming into force (the hook other addons extend)."""

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

# The approval is the mall's internal business: who approved, when and why it was rejected
# stay with staff (a tenant reads its lease through the portal's rules, not these fields).
STAFF = "mall_leasing.group_mall_staff"


class MallLease(models.Model):
    _inherit = "mall.lease"

    approval_level = fields.Selection(
        [("1", "Leasing Manager"), ("2", "Leasing Manager and Finance Manager")],
        compute="_compute_approval_level",
        store=True,
        groups=STAFF,
        help="Leases with a large discount against the rent standard or a large total value "
        "also need a finance manager's approval (thresholds on the company).",
    )
    approved_l1_by_id = fields.Many2one(
        "res.users", string="Approved by (Leasing)", readonly=True, copy=False, groups=STAFF
    )
    approved_l1_date = fields.Datetime(readonly=True, copy=False, groups=STAFF)
    approved_l2_by_id = fields.Many2one(
        "res.users", string="Approved by (Finance)", readonly=True, copy=False, groups=STAFF
    )
    approved_l2_date = fields.Datetime(readonly=True, copy=False, groups=STAFF)
    reject_reason = fields.Text(readonly=True, copy=False, groups=STAFF)

    @api.depends("monthly_rent", "total_rent", "date_start", "line_ids.unit_id")
    def _compute_approval_level(self):
        for lease in self:
            company = lease.company_id or self.env.company
            big = lease.total_rent > company.mall_lease_value_threshold
            discounted = lease.discount_pct > company.mall_lease_discount_threshold
            lease.approval_level = "2" if big or discounted else "1"

    def action_submit(self):
        """Draft → submitted: the terms are complete and frozen for approval."""
        self._check_state(("draft",), _("submitted"))
        for lease in self:
            if not lease.line_ids:
                raise UserError(_("Lease %(lease)s has no unit.", lease=lease.name))
            if lease.rent_mode in ("turnover", "higher") and not lease.turnover_rate:
                raise UserError(
                    _("Lease %(lease)s: a turnover rent needs a turnover rate.", lease=lease.name)
                )
            if lease.rent_mode == "stepped" and not lease.band_ids:
                raise UserError(
                    _(
                        "Lease %(lease)s: stepped turnover rates need at least one sales band.",
                        lease=lease.name,
                    )
                )
            if not lease.body and not lease.template_id:
                raise UserError(
                    _("Lease %(lease)s has no contract text: choose a template.", lease=lease.name)
                )
        self.write({"state": "submitted", "reject_reason": False})
        self._log_step(_("Submitted for approval by %(user)s.", user=self.env.user.name))
        return True

    def action_approve(self):
        """Approve at the level the current user may give; the last approval starts the
        electronic signature."""
        self._check_state(("submitted",), _("approved"))
        user = self.env.user
        now = fields.Datetime.now()
        # The group checks below are the rule; the writes then go through sudo because a
        # finance manager approves leases without editing them otherwise.
        for lease in self.sudo():
            if not lease.approved_l1_by_id:
                if not user.has_group("mall_leasing.group_leasing_manager"):
                    raise AccessError(_("Only a leasing manager can approve a lease."))
                lease.write({"approved_l1_by_id": user.id, "approved_l1_date": now})
                lease._log_step(_("Approved by leasing manager %(user)s.", user=user.name))
            elif lease.approval_level == "2" and not lease.approved_l2_by_id:
                if not user.has_group("mall_leasing.group_finance_manager"):
                    raise AccessError(
                        _(
                            "This lease also needs a finance manager's approval (discount "
                            "%(discount)s %%, total rent %(total)s).",
                            discount=round(lease.discount_pct, 2),
                            total=lease.total_rent,
                        )
                    )
                lease.write({"approved_l2_by_id": user.id, "approved_l2_date": now})
                lease._log_step(_("Approved by finance manager %(user)s.", user=user.name))
            else:
                raise UserError(_("You have already approved lease %(lease)s.", lease=lease.name))
            if lease.approval_level == "1" or lease.approved_l2_by_id:
                lease.write(
                    {"state": "approved", "landlord_user_id": lease.landlord_user_id.id or user.id}
                )
                lease._log_step(_("Lease approved."))
        done = self.sudo().filtered(lambda lease: lease.state == "approved")
        if done and not self.env.context.get("mall_lease_no_signature"):
            done._start_signature()
        return True

    def action_reject(self, reason):
        """Back to draft with the reason (from the rejection wizard); a pending signature
        request is cancelled."""
        self._check_state(("submitted", "approved", "signing"), _("rejected"))
        if not (reason or "").strip():
            raise UserError(_("Please give a reason for the rejection."))
        if not self.env.user.has_group(
            "mall_leasing.group_leasing_manager"
        ) and not self.env.user.has_group("mall_leasing.group_finance_manager"):
            raise AccessError(_("Only a manager can reject a lease."))
        self._cancel_signature()
        self.sudo().write(
            {
                "state": "draft",
                "reject_reason": reason,
                "approved_l1_by_id": False,
                "approved_l1_date": False,
                "approved_l2_by_id": False,
                "approved_l2_date": False,
            }
        )
        self.sudo()._log_step(
            _("Rejected by %(user)s: %(reason)s", user=self.env.user.name, reason=reason)
        )
        return True

    def _activate(self):
        """Signing → active (also the demo-only path): the lease is in force. Sets the units'
        status and calls ``_on_lease_activated``."""
        self._check_state(("signing",), _("activated"))
        self.write({"state": "active"})
        self._log_step(_("The lease is in force."))
        self._sync_unit_states()
        self._on_lease_activated()
        return True

    def _on_lease_activated(self):
        """Hook for other addons (billing: generate the receivable schedule). ``self`` are the
        leases that just came into force."""
        return True

    def action_reject_wizard(self):
        """Open the rejection wizard."""
        return {
            "type": "ir.actions.act_window",
            "name": _("Reject Lease"),
            "res_model": "mall.lease.reject.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_lease_ids": self.ids},
        }
