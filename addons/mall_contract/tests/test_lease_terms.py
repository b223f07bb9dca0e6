from datetime import date

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import MallLeaseCase


@tagged("post_install", "-at_install")
class TestLeaseTerms(MallLeaseCase):
    def test_several_units_at_several_prices_add_up(self):
        lease = self._lease(units=self.unit_a | self.unit_b)
        lease.line_ids[1].price = 200.0
        self.assertEqual(lease.total_area, 200.0)
        self.assertEqual(lease.monthly_rent, 100 * 300 + 100 * 200)
        self.assertIn("2026-01", lease.schedule_preview)

    def test_end_before_start_is_refused(self):
        with self.assertRaisesRegex(ValidationError, "不能早于开始日期"):
            self._lease(start=date(2026, 5, 1), end=date(2026, 4, 1))

    def test_rent_free_outside_the_term_is_refused(self):
        lease = self._lease()
        with self.assertRaisesRegex(ValidationError, "超出了租期"):
            lease.rent_free_ids = [
                (0, 0, {"date_from": date(2025, 12, 1), "date_to": date(2026, 1, 31)})
            ]

    def test_rent_free_months_cost_nothing(self):
        lease = self._lease(end=date(2026, 12, 31), price=100.0)
        full = lease.total_rent
        lease.rent_free_ids = [
            (0, 0, {"date_from": date(2026, 1, 1), "date_to": date(2026, 3, 31)})
        ]
        self.assertAlmostEqual(lease.total_rent, full - 3 * 100 * 100.0, places=2)

    def test_unit_of_another_mall_is_refused(self):
        other_mall = self.env["mall.mall"].create({"name": "别的广场", "code": "OTH"})
        floor = self.env["mall.floor"].create({"name": "1F", "level": 1, "mall_id": other_mall.id})
        foreign = self._make_unit("X-1", mall=other_mall, floor=floor)
        with self.assertRaisesRegex(ValidationError, "不属于合同所在项目"):
            self._lease(units=foreign)

    def test_negative_price_is_refused(self):
        with self.assertRaisesRegex(ValidationError, "不能为负数"):
            self._lease(price=-5.0)

    def test_terms_are_frozen_after_submission(self):
        lease = self._lease()
        lease.with_user(self.clerk).action_submit()
        with self.assertRaisesRegex(UserError, "补充协议"):
            lease.date_end = date(2029, 12, 31)
        with self.assertRaisesRegex(UserError, "补充协议"):
            lease.line_ids.price = 1.0

    def test_charge_lines_give_billing_rent_and_fees_per_month(self):
        lease = self._lease(
            end=date(2026, 12, 31),
            price=100.0,
            fee_ids=[(0, 0, {"fee_type": "property", "price": 20.0, "billing_cycle": "quarterly"})],
        )
        charges = lease._get_charge_lines(date(2026, 2, 1), date(2026, 2, 28))
        by_charge = {c["charge"]: c for c in charges}
        self.assertEqual(float(by_charge["rent"]["amount"]), 10000.0)
        self.assertEqual(float(by_charge["property"]["amount"]), 2000.0)
        self.assertEqual(by_charge["property"]["billing_cycle"], "quarterly")

    def test_turnover_rent_modes(self):
        lease = self._lease(rent_mode="higher", turnover_rate=10.0)
        self.assertEqual(float(lease._turnover_rent(100000, fixed_rent=5000)), 10000.0)
        self.assertEqual(float(lease._turnover_rent(10000, fixed_rent=5000)), 5000.0)
        pure = self._lease(units=self.unit_b, rent_mode="turnover", turnover_rate=8.0)
        self.assertEqual(float(pure._turnover_rent(100000, fixed_rent=5000)), 8000.0)
        self.assertFalse([c for c in pure._get_charge_lines() if c["charge"] == "rent"])
        stepped = self._lease(
            units=self.unit_b,
            rent_mode="stepped",
            band_ids=[
                (0, 0, {"sales_from": 0.0, "rate": 6.0}),
                (0, 0, {"sales_from": 500000.0, "rate": 8.0}),
            ],
        )
        self.assertEqual(float(stepped._turnover_rent(100000)), 6000.0)
        self.assertEqual(float(stepped._turnover_rent(600000)), 48000.0)
        fixed = self._lease(units=self.unit_b, rent_mode="fixed")
        self.assertEqual(float(fixed._turnover_rent(600000, fixed_rent=5000)), 5000.0)

    def test_turnover_rent_rounds_half_up_to_the_fen(self):
        # 12,345.70 × 5 % = 617.285: half up gives 617.29 (half-even would give 617.28).
        pure = self._lease(rent_mode="turnover", turnover_rate=5.0)
        self.assertEqual(str(pure._turnover_rent(12345.70)), "617.29")
        stepped = self._lease(
            units=self.unit_b,
            rent_mode="stepped",
            band_ids=[(0, 0, {"sales_from": 0.0, "rate": 5.0})],
        )
        self.assertEqual(str(stepped._turnover_rent(12345.70)), "617.29")
        higher = self._lease(
            units=self.unit_b, rent_mode="higher", turnover_rate=5.0, tenant=self.other_tenant
        )
        self.assertEqual(str(higher._turnover_rent(12345.70, fixed_rent=600)), "617.29")

    def test_escalation_raises_the_rent_each_period(self):
        lease = self._lease(
            start=date(2026, 1, 1),
            end=date(2027, 12, 31),
            price=100.0,
            escalation_rate=5.0,
            escalation_months=12,
        )
        self.assertAlmostEqual(lease.total_rent, 12 * 10000.0 + 12 * 10500.0, places=2)

    def test_submission_needs_complete_rent_terms(self):
        turnover = self._lease(rent_mode="turnover")
        with self.assertRaisesRegex(UserError, "扣点"):
            turnover.with_user(self.clerk).action_submit()
        stepped = self._lease(units=self.unit_b, rent_mode="stepped")
        with self.assertRaisesRegex(UserError, "销售额区间|区间"):
            stepped.with_user(self.clerk).action_submit()
        no_text = self._lease(units=self.unit_b, template_id=False)
        with self.assertRaisesRegex(UserError, "合同模板|模板"):
            no_text.with_user(self.clerk).action_submit()
        self.assertEqual((turnover | stepped | no_text).mapped("state"), ["draft"] * 3)

    def test_fees_are_frozen_after_submission(self):
        lease = self._lease(fee_ids=[(0, 0, {"fee_type": "property", "price": 25.0})])
        fee = lease.fee_ids
        fee.price = 28.0  # a draft may still change
        lease.with_user(self.clerk).action_submit()
        with self.assertRaisesRegex(UserError, "补充协议"):
            fee.with_user(self.clerk).price = 1.0
        with self.assertRaisesRegex(UserError, "补充协议"):
            self.env["mall.lease.fee"].with_user(self.clerk).create(
                {"lease_id": lease.id, "fee_type": "marketing", "price": 5.0}
            )
        with self.assertRaisesRegex(UserError, "补充协议"):
            fee.with_user(self.clerk).unlink()
        self.assertEqual(fee.price, 28.0)
        # An amendment changes fees in a traced way.
        fee.with_context(mall_lease_amend=True).price = 30.0
        self.assertEqual(fee.price, 30.0)

    def test_turnover_bands_are_frozen_after_submission(self):
        lease = self._lease(
            rent_mode="stepped", band_ids=[(0, 0, {"sales_from": 0.0, "rate": 6.0})]
        )
        lease.with_user(self.clerk).action_submit()
        with self.assertRaisesRegex(UserError, "补充协议"):
            lease.band_ids.with_user(self.clerk).rate = 1.0
        self.assertEqual(lease.band_ids.rate, 6.0)

    def test_bad_payment_terms_are_refused(self):
        with self.assertRaisesRegex(ValidationError, "1 到 28"):
            self._lease(due_day=31)
        with self.assertRaisesRegex(ValidationError, "不能为负数"):
            self._lease(late_fee_rate=-0.05)
        with self.assertRaisesRegex(ValidationError, "不能为负数"):
            self._lease(fee_ids=[(0, 0, {"fee_type": "property", "price": -1.0})])
