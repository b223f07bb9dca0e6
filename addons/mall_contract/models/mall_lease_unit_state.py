"""The status a lease gives its units (签约, 装修, 营业, 即将到期, 撤场, 空置) day by day, and
moving the units there."""

from collections import defaultdict
from datetime import timedelta

from odoo import _, fields, models

from .mall_lease import RUNNING_STATES


class MallLease(models.Model):
    _inherit = "mall.lease"

    def _unit_state_on(self, on_date):
        """The status the lease gives its units on ``on_date``, or False when it gives none."""
        self.ensure_one()
        if self.state == "terminated":
            return "moving_out" if on_date <= self.termination_date else "vacant"
        if self.state == "expired" or (self.state in RUNNING_STATES and on_date > self.date_end):
            return "vacant"
        if self.state not in RUNNING_STATES:
            return False
        lead = self.company_id.mall_lease_expiring_days
        if on_date < (self.date_handover or self.date_start):
            return "signed"
        if self.date_opening and on_date < self.date_opening:
            return "fitting_out"
        if on_date >= self.date_end - timedelta(days=lead):
            return "expiring"
        return "open"

    def _sync_unit_states(self):
        """Move the units of these leases to the status their lease gives them today, grouped
        by status (one write per status). A unit another lease holds today is left to it."""
        today = fields.Date.context_today(self)
        targets = defaultdict(lambda: self.env["mall.unit"])
        reasons = {}
        releasing = self.filtered(lambda lease: lease._unit_state_on(today) == "vacant")
        held = self.env["mall.lease.line"]
        if releasing:
            held = self.env["mall.lease.line"].search(
                [
                    ("unit_id", "in", releasing.line_ids.unit_id.ids),
                    ("lease_id", "not in", releasing.ids),
                    ("state", "in", RUNNING_STATES),
                ]
            )
        for lease in self:
            state = lease._unit_state_on(today)
            if not state:
                continue
            units = lease.line_ids.unit_id
            if state == "vacant":
                units -= held.unit_id
            targets[state] |= units
            reasons[state] = _("Lease %(lease)s", lease=lease.name)
        for state, units in targets.items():
            units.sudo()._set_state(state, reason=reasons[state])
        self.filtered(lambda lease: lease._unit_state_on(today) == "vacant").write(
            {"units_released": True}
        )
