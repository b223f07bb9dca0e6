from odoo import fields, models


class MallUnit(models.Model):
    _inherit = "mall.unit"

    lease_line_ids = fields.One2many("mall.lease.line", "unit_id", string="Lease Lines")

    def _compute_lease_info(self):
        """Tenant and lease end from the lease in force today (or the next signed one), read
        in one query for all units."""
        result = super()._compute_lease_info()
        today = fields.Date.context_today(self)
        lines = (
            self.env["mall.lease.line"]
            .sudo()
            .search(
                [
                    ("unit_id", "in", self.ids),
                    ("state", "in", ("signing", "active", "expiring")),
                    ("block_end", ">=", today),
                ],
                order="date_start",
            )
        )
        current = {}
        for line in lines:
            current.setdefault(line.unit_id.id, line)
        for unit in self:
            line = current.get(unit.id)
            if line:
                unit.tenant_id = line.lease_id.tenant_id
                unit.lease_end_date = line.block_end
        return result
