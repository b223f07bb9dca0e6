from datetime import date

from odoo.addons.mall_billing.tests.common import BillingCase
from odoo.tests import tagged


@tagged("post_install", "-at_install")
class TestLateFee(BillingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.rent = cls.env.ref("mall_billing.charge_type_rent")
        cls.rent.write(
            {"late_fee_daily_rate": 0.0005, "late_fee_grace_days": 5, "late_fee_cap_percent": 30}
        )

    def test_no_late_fee_within_the_grace_days(self):
        self.assertEqual(self.rent._late_fee(10000, date(2026, 3, 1), date(2026, 3, 6)), 0.0)
        self.assertEqual(self.rent._late_fee(10000, date(2026, 3, 1), date(2026, 2, 20)), 0.0)

    def test_late_fee_runs_from_the_end_of_the_grace_days_exact_to_the_fen(self):
        # 10 days late, 5 of grace: 5 days × 0.05 % of 12 345.67 = 30.864175 → 30.86
        self.assertEqual(self.rent._late_fee(12345.67, date(2026, 3, 1), date(2026, 3, 11)), 30.86)
        # 1 day beyond grace on 9 999: 4.9995 → 5.00 (half up)
        self.assertEqual(self.rent._late_fee(9999, date(2026, 3, 1), date(2026, 3, 7)), 5.0)

    def test_late_fee_is_capped_at_the_share_of_the_overdue_amount(self):
        # 2 000 days beyond grace would be 100 %; the cap keeps it at 30 %
        self.assertEqual(self.rent._late_fee(10000, date(2020, 1, 1), date(2026, 1, 1)), 3000.0)

    def test_without_payment_date_the_fee_runs_to_today(self):
        fee = self.rent._late_fee(1000, date(2000, 1, 1))
        self.assertEqual(fee, 300.0)

    def test_no_rate_no_fee(self):
        deposit = self.env.ref("mall_billing.charge_type_deposit_lease")
        self.assertEqual(deposit._late_fee(1000, date(2026, 1, 1), date(2026, 6, 1)), 0.0)
