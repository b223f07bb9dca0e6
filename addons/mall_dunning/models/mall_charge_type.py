from datetime import date

from odoo import fields, models
from odoo.addons.mall_leasing.lib.money import round_money, to_decimal


class MallChargeType(models.Model):
    """The late fee (滞纳金) a charge's rule gives; the rule's fields (daily rate, grace days,
    cap) belong to the charge type itself, in mall_billing."""

    _inherit = "mall.charge.type"

    def _late_fee(self, amount, due_date, paid_date=None):
        """Late fee (滞纳金) on ``amount`` due on ``due_date`` and paid on ``paid_date``
        (today when not given), exact to the fen, rounded half up.

        Paid within the grace days: no fee. Later: the daily rate runs from the day after the
        grace period ends to the payment day, capped at the cap percentage of the amount."""
        self.ensure_one()
        paid_date = fields.Date.to_date(paid_date) or fields.Date.context_today(self)
        due_date = fields.Date.to_date(due_date)
        if not isinstance(due_date, date) or amount <= 0 or not self.late_fee_daily_rate:
            return 0.0
        days = (paid_date - due_date).days - self.late_fee_grace_days
        if days <= 0:
            return 0.0
        base = to_decimal(amount)
        fee = base * to_decimal(self.late_fee_daily_rate) * days
        if self.late_fee_cap_percent:
            fee = min(fee, base * to_decimal(self.late_fee_cap_percent) / 100)
        return round_money(fee)
