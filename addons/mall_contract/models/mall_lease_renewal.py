"""Renewal (续签): a new draft lease continuing one in force, same tenant, units and terms, the
rent adjusted by a percentage."""

from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import _, fields, models
from odoo.addons.mall_leasing.lib.money import round_money
from odoo.exceptions import UserError


class MallLease(models.Model):
    _inherit = "mall.lease"

    renewed_from_id = fields.Many2one(
        "mall.lease", string="Renewal of", readonly=True, copy=False, index=True
    )
    renewal_ids = fields.One2many("mall.lease", "renewed_from_id", string="Renewals")

    def action_renew(self, rent_change_pct=0.0, date_start=None, date_end=None):
        """A new draft lease continuing this one: same tenant, units and terms, rent
        adjusted by ``rent_change_pct`` %, from the day after the end. Returns it."""
        self.ensure_one()
        self._check_state(("active", "expiring", "expired"), _("renewed"))
        date_start = fields.Date.to_date(date_start) or self.date_end + timedelta(days=1)
        if date_start <= self.date_end:
            raise UserError(
                _("A renewal must start after the current lease ends (%(end)s).", end=self.date_end)
            )
        date_end = fields.Date.to_date(date_end) or (
            date_start + relativedelta(months=self.duration_months or 12) - timedelta(days=1)
        )
        factor = 1 + (rent_change_pct or 0.0) / 100.0
        renewal = self.copy(
            {
                "renewed_from_id": self.id,
                "date_start": date_start,
                "date_end": date_end,
                "date_handover": False,
                "date_opening": False,
                "body": self.body,
                "line_ids": [
                    (
                        0,
                        0,
                        {
                            "unit_id": ln.unit_id.id,
                            "leasable_area": ln.leasable_area,
                            "price": round_money(ln.price * factor),
                            "sequence": ln.sequence,
                        },
                    )
                    for ln in self.line_ids
                ],
            }
        )
        self._log_step(
            _(
                "Renewal %(renewal)s prepared (rent %(pct)s %%).",
                renewal=renewal.name,
                pct=rent_change_pct or 0,
            )
        )
        return renewal

    def action_renew_wizard(self):
        """Open the renewal wizard."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Renew Lease"),
            "res_model": "mall.lease.renew.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_lease_id": self.id},
        }
