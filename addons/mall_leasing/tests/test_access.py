from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import MallLeasingCase


@tagged("post_install", "-at_install")
class TestAccess(MallLeasingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.leasing = cls._make_user("t_leasing", ["mall_leasing.group_leasing_user"])
        cls.finance = cls._make_user("t_finance", ["mall_leasing.group_finance_user"])
        cls.portal = cls._make_user("t_portal", ["base.group_portal"])

    def test_leasing_user_keeps_units_and_statuses(self):
        unit = self.unit_a.with_user(self.leasing)
        unit.write({"usable_area": 81.0})
        unit._set_state("reserved", "意向")
        self.assertEqual(self.unit_a.state, "reserved")
        history = (
            self.env["mall.unit.state.history"]
            .with_user(self.leasing)
            .search([("unit_id", "=", self.unit_a.id)])
        )
        self.assertEqual(history[0].user_id, self.leasing)

    def test_finance_user_reads_but_does_not_change_units_or_prices(self):
        self._standard(self.unit_a, "2026-01-01", 300.0)
        unit = self.unit_a.with_user(self.finance)
        self.assertEqual(unit.code, "1F-001")
        self.assertEqual(unit._rent_price_on("2026-06-01")[unit.id], 300.0)
        with self.assertRaises(AccessError):
            unit.write({"usable_area": 70.0})
        with self.assertRaises(AccessError):
            self.env["mall.rent.standard"].with_user(self.finance).create(
                {"unit_id": self.unit_a.id, "date_start": "2027-01-01", "price_month": 1.0}
            )

    def test_portal_user_sees_nothing(self):
        for model in (
            "mall.mall",
            "mall.floor",
            "mall.unit",
            "mall.rent.standard",
            "mall.unit.state.history",
        ):
            with self.assertRaises(AccessError):
                self.env[model].with_user(self.portal).search([])

    def test_leasing_user_cannot_change_an_approved_standard(self):
        standard = self._standard(self.unit_a, "2026-01-01", 300.0)
        with self.assertRaises(AccessError):
            standard.with_user(self.leasing).write({"reason": "改"})

    def test_other_company_units_are_hidden(self):
        other = self.env["res.company"].create({"name": "其他公司"})
        mall = self.env["mall.mall"].create(
            {"name": "他人广场", "code": "X", "company_id": other.id}
        )
        floor = self.env["mall.floor"].create({"name": "1F", "mall_id": mall.id})
        self.env["mall.unit"].create(
            {
                "code": "X-1",
                "mall_id": mall.id,
                "floor_id": floor.id,
                "gross_area": 10.0,
                "leasable_area": 8.0,
            }
        )
        units = self.env["mall.unit"].with_user(self.leasing).search([("mall_id", "=", mall.id)])
        self.assertFalse(units)
