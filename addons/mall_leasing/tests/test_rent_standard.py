from datetime import date

from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import MallLeasingCase


@tagged("post_install", "-at_install")
class TestRentStandard(MallLeasingCase):
    def test_price_in_force_on_a_date_including_the_day_an_adjustment_starts(self):
        first = self._standard(self.unit_a, "2026-01-01", 300.0)
        second = self._standard(self.unit_a, "2027-01-01", 315.0, reason="年度调租 +5%")
        self.assertEqual(first.date_end, date(2026, 12, 31))
        self.assertEqual(second.previous_id, first)
        self.assertAlmostEqual(second.change_percent, 5.0)
        prices = (self.unit_a | self.unit_b)._rent_price_on
        self.assertEqual(prices("2025-12-31"), {self.unit_a.id: 0.0, self.unit_b.id: 0.0})
        self.assertEqual(prices("2026-12-31")[self.unit_a.id], 300.0)
        self.assertEqual(prices("2027-01-01")[self.unit_a.id], 315.0)
        self.assertEqual(prices("2030-06-01")[self.unit_a.id], 315.0)

    def test_daily_price_is_derived_from_the_monthly_one(self):
        standard = self._standard(self.unit_a, "2026-01-01", 365.0)
        self.assertAlmostEqual(standard.price_day, 12.0)
        self.assertAlmostEqual(standard.monthly_rent, 365.0 * 85.0)

    def test_draft_standards_are_not_in_force(self):
        self._standard(self.unit_a, "2026-01-01", 300.0, approve=False)
        self.assertEqual(self.unit_a._rent_price_on("2026-06-01")[self.unit_a.id], 0.0)

    def test_two_standards_starting_the_same_day_are_refused(self):
        self._standard(self.unit_a, "2026-01-01", 300.0)
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            self._standard(self.unit_a, "2026-01-01", 320.0, approve=False)

    def test_overlapping_approved_standards_are_refused_and_nothing_changes(self):
        closed = self._standard(self.unit_a, "2026-01-01", 300.0, date_end="2026-12-31")
        overlapping = self._standard(self.unit_a, "2026-06-01", 350.0, approve=False)
        with self.assertRaisesRegex(ValidationError, "重叠"), self.env.cr.savepoint():
            overlapping.action_approve()
        self.assertEqual(overlapping.state, "draft")
        self.assertEqual(closed.date_end, date(2026, 12, 31))
        self.assertEqual(self.unit_a._rent_price_on("2026-07-01")[self.unit_a.id], 300.0)

    def test_approved_standard_is_locked(self):
        standard = self._standard(self.unit_a, "2026-01-01", 300.0)
        with self.assertRaisesRegex(UserError, "已审批的租金标准不能修改"), self.env.cr.savepoint():
            standard.write({"price_month": 1.0})
        self.assertEqual(standard.price_month, 300.0)

    def test_negative_price_is_refused(self):
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            self._standard(self.unit_a, "2026-01-01", -1.0, approve=False)

    def test_only_a_leasing_manager_approves(self):
        user = self._make_user("lease_user_rs", ["mall_leasing.group_leasing_user"])
        standard = (
            self.env["mall.rent.standard"]
            .with_user(user)
            .create(
                {
                    "unit_id": self.unit_a.id,
                    "date_start": "2026-01-01",
                    "price_month": 300.0,
                    "reason": "首次定价",
                }
            )
        )
        with self.assertRaises(AccessError):
            standard.action_approve()
        self.assertEqual(standard.state, "draft")
        manager = self._make_user("lease_mgr_rs", ["mall_leasing.group_leasing_manager"])
        standard.with_user(manager).action_approve()
        self.assertEqual(standard.approved_by_id, manager)

    def test_bulk_adjustment_previews_then_creates_drafts(self):
        self._standard(self.unit_a, "2026-01-01", 300.0)
        self._standard(self.unit_b, "2026-01-01", 200.0)
        wizard = self.env["mall.rent.adjust.wizard"].create(
            {
                "mall_id": self.mall.id,
                "floor_ids": [(6, 0, self.floor.ids)],
                "category_ids": [(6, 0, self.food.ids)],
                "mode": "percent",
                "value": 5.0,
                "date_start": "2027-01-01",
                "reason": "餐饮年度调租",
            }
        )
        wizard.action_preview()
        self.assertEqual(wizard.line_ids.unit_id, self.unit_a)
        self.assertEqual(wizard.line_ids.new_price, 315.0)
        # nothing is written before applying
        self.assertEqual(self.unit_a._rent_price_on("2027-01-01")[self.unit_a.id], 300.0)
        wizard.with_context(mall_approve=True).action_apply()
        self.assertEqual(self.unit_a._rent_price_on("2027-01-01")[self.unit_a.id], 315.0)
        self.assertEqual(self.unit_b._rent_price_on("2027-01-01")[self.unit_b.id], 200.0)

    def test_bulk_adjustment_refuses_units_already_adjusted_that_day(self):
        self._standard(self.unit_a, "2026-01-01", 300.0)
        self._standard(self.unit_a, "2027-01-01", 310.0, approve=False)
        wizard = self.env["mall.rent.adjust.wizard"].create(
            {
                "mall_id": self.mall.id,
                "mode": "amount",
                "value": 10.0,
                "date_start": "2027-01-01",
                "reason": "重复调租",
            }
        )
        with self.assertRaisesRegex(UserError, "1F-001"):
            wizard.action_preview()
