"""Turnover rent (扣点): what a lease's rent mode makes due on a period's declared sales. Billing
calls ``_turnover_rent`` once the sales are declared."""

from odoo import models
from odoo.addons.mall_leasing.lib.money import round_fen, to_decimal


class MallLease(models.Model):
    _inherit = "mall.lease"

    def _turnover_rent(self, sales, fixed_rent=0.0):
        """Rent due on ``sales`` for a period under the lease's rent mode (``fixed_rent`` is
        the fixed rent of the same period), a Decimal rounded half up to the fen: the
        turnover rate (or, for stepped rates, the rate of the highest band the sales reach)
        applies to all the sales; "whichever is higher" never charges less than the fixed
        rent."""
        self.ensure_one()
        sales = to_decimal(sales)
        fixed = to_decimal(fixed_rent)
        if self.rent_mode == "fixed":
            return fixed
        if self.rent_mode == "stepped":
            rate = to_decimal(0)
            for band in self.band_ids.sorted("sales_from"):
                if sales >= to_decimal(band.sales_from):
                    rate = to_decimal(band.rate)
            return round_fen(sales * rate / 100)
        turnover = round_fen(sales * to_decimal(self.turnover_rate) / 100)
        return max(turnover, fixed) if self.rent_mode == "higher" else turnover
