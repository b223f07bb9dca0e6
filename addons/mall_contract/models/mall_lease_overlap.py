"""No two leases in blocking states share a unit on the same day: the readable check before a
write (the database's exclusion constraint on lease lines is the last guard)."""

from odoo import _, fields, models
from odoo.exceptions import ValidationError

from .mall_lease_line import BLOCKING_STATES


class MallLease(models.Model):
    _inherit = "mall.lease"

    def _check_overlap_before_write(self, vals):
        """Refuse, with a readable message, a write that would make two leases in blocking
        states share a unit on the same day (one query for all the leases)."""

        def new_range(lease):
            state = vals.get("state", lease.state)
            if state not in BLOCKING_STATES:
                return None
            start = fields.Date.to_date(vals.get("date_start")) or lease.date_start
            end = fields.Date.to_date(vals.get("date_end")) or lease.date_end
            termination = (
                fields.Date.to_date(vals.get("termination_date")) or lease.termination_date
            )
            if state == "terminated" and termination:
                end = termination
            return start, end

        ranges = {lease: new_range(lease) for lease in self}
        ranges = {lease: rng for lease, rng in ranges.items() if rng}
        if not ranges:
            return
        leases = self.browse([lease.id for lease in ranges])
        others = (
            self.env["mall.lease.line"]
            .sudo()
            .search(
                [
                    ("unit_id", "in", leases.line_ids.unit_id.ids),
                    ("state", "in", BLOCKING_STATES),
                    ("lease_id", "not in", leases.ids),
                ]
            )
        )
        for lease, (start, end) in ranges.items():
            for line in lease.line_ids:
                for other in others.filtered(lambda o, u=line.unit_id: o.unit_id == u):
                    if other.date_start <= end and start <= other.block_end:
                        raise ValidationError(
                            _(
                                "Unit %(unit)s is already leased from %(start)s to %(end)s under "
                                "lease %(lease)s (%(tenant)s): leases on one unit cannot overlap.",
                                unit=line.unit_id.display_name,
                                start=other.date_start,
                                end=other.block_end,
                                lease=other.lease_id.name,
                                tenant=other.lease_id.tenant_id.name,
                            )
                        )
