from odoo import models


class MallLeaseAmendment(models.Model):
    _inherit = "mall.lease.amendment"

    def action_apply(self):
        """An applied amendment replans the lease's future: planned receivables of periods
        ending on or after the amendment date follow the new terms; invoiced ones and earlier
        periods stay as they are."""
        result = super().action_apply()
        for amendment in self:
            amendment.lease_id._sync_receivables(from_date=amendment.date)
            amendment.lease_id._warn_invoiced_after(amendment.date)
        return result
