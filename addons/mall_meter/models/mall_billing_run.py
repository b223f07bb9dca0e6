from dateutil.relativedelta import relativedelta

from odoo import models


class MallBillingRun(models.Model):
    _inherit = "mall.billing.run"

    def _plan_receivables(self):
        """Readings of the month not planned yet become receivables before billing."""
        result = super()._plan_receivables()
        domain = [
            ("is_billable", "=", True),
            ("date", "<=", self._period_end()),
            ("meter_id.company_id", "=", self.company_id.id),
            ("date", ">", self.period - relativedelta(months=3)),
        ]
        if self.mall_id:
            domain.append(("mall_id", "=", self.mall_id.id))
        self.env["mall.meter.reading"].search(domain)._create_receivables()
        return result
