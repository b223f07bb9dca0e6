"""Early termination (提前解约) of a lease in force: date, reason, penalty and settlement notes;
its units move out until the date and are vacant after. Breaches of contract are recorded
beside it (both feed the tenant's credit factors)."""

from odoo import _, fields, models
from odoo.exceptions import AccessError, UserError

from .mall_lease import RUNNING_STATES
from .mall_lease_workflow import STAFF


class MallLease(models.Model):
    _inherit = "mall.lease"

    termination_reason = fields.Text(readonly=True, copy=False)
    termination_penalty = fields.Monetary(readonly=True, copy=False)
    termination_notes = fields.Text(
        string="Settlement Notes", readonly=True, copy=False, groups=STAFF
    )
    early_exit = fields.Boolean(
        readonly=True, copy=False, help="Terminated before its end at the tenant's initiative."
    )
    breach_ids = fields.One2many("mall.lease.breach", "lease_id", string="Breaches", groups=STAFF)

    def action_terminate(self, termination_date, reason, penalty=0.0, notes=False, early_exit=True):
        """Early termination (from the wizard): the lease ends on ``termination_date``; its
        units are freed from that day (moving out until then)."""
        self._check_state(RUNNING_STATES, _("terminated"))
        if not self.env.user.has_group("mall_leasing.group_leasing_manager"):
            raise AccessError(_("Only a leasing manager can terminate a lease."))
        termination_date = fields.Date.to_date(termination_date)
        if not (reason or "").strip():
            raise UserError(_("Please give the reason for the termination."))
        if (penalty or 0) < 0:
            raise UserError(_("The termination penalty cannot be negative."))
        for lease in self:
            if not termination_date or not (lease.date_start <= termination_date <= lease.date_end):
                raise UserError(
                    _(
                        "The termination date must lie within the term of lease %(lease)s "
                        "(%(start)s – %(end)s).",
                        lease=lease.name,
                        start=lease.date_start,
                        end=lease.date_end,
                    )
                )
        self.write(
            {
                "state": "terminated",
                "termination_date": termination_date,
                "termination_reason": reason,
                "termination_penalty": penalty or 0.0,
                "termination_notes": notes or False,
                "early_exit": early_exit,
            }
        )
        self._log_step(
            _("Terminated on %(date)s: %(reason)s", date=termination_date, reason=reason)
        )
        self._sync_unit_states()
        return True

    def action_terminate_wizard(self):
        """Open the termination wizard."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Terminate Lease"),
            "res_model": "mall.lease.terminate.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_lease_id": self.id},
        }
