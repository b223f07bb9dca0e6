from odoo.addons.mall_leasing.lib.money import split_by_weight
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import MeterCase


@tagged("post_install", "-at_install")
class TestMeter(MeterCase):
    def test_shares_add_up_to_the_whole_with_the_remainder_on_the_largest(self):
        self.assertEqual(split_by_weight(100, [1, 1, 1]), [33.34, 33.33, 33.33])
        self.assertEqual(split_by_weight(10, [50, 30, 20]), [5.0, 3.0, 2.0])
        parts = split_by_weight(1000.01, [85.5, 120.25, 33.3, 7])
        self.assertAlmostEqual(sum(parts), 1000.01, places=6)
        self.assertEqual(parts.index(max(parts)), 1)
        self.assertEqual(split_by_weight(5, [0, 0]), [0.0, 0.0])

    def test_common_meter_is_shared_by_leasable_area_among_the_floor_units(self):
        self.units[:2].write({"leasable_area": 50.0})
        common = self.env["mall.meter"].create(
            {
                "code": "E-1F-公区",
                "kind": "electricity",
                "mall_id": self.mall.id,
                "floor_id": self.floor.id,
                "is_common": True,
                "share_scope": "floor",
            }
        )
        shares = common._share_amount(1000)
        self.assertEqual(shares, {self.units[0]: 250.0, self.units[1]: 250.0, self.units[2]: 500.0})
        shares = common._share_amount(100.01, self.units[:2] | self.units[2])
        self.assertAlmostEqual(sum(shares.values()), 100.01, places=6)
        self.assertEqual(shares[self.units[2]], 50.01)

    def test_a_unit_meter_cannot_be_shared(self):
        with self.assertRaisesRegex(UserError, "E-B-001"):
            self.meter._share_amount(10)

    def test_a_meter_belongs_to_a_unit_or_is_common(self):
        with self.assertRaises(ValidationError):
            self.env["mall.meter"].create({"code": "X1", "kind": "water", "mall_id": self.mall.id})
        with self.assertRaises(ValidationError):
            self.env["mall.meter"].create(
                {
                    "code": "X2",
                    "kind": "water",
                    "is_common": True,
                    "mall_id": self.mall.id,
                    "share_scope": "floor",
                }
            )

    def test_meter_knows_its_metered_charge(self):
        self.assertEqual(
            self.meter.charge_type_id, self.env.ref("mall_billing.charge_type_electricity")
        )

    def test_engineering_reads_meters_but_does_not_change_them(self):
        engineer = self._make_user("bil_eng", ["mall_leasing.group_engineering_user"])
        self.assertEqual(self.meter.with_user(engineer).code, "E-B-001")
        with self.assertRaises(AccessError):
            self.meter.with_user(engineer).write({"multiplier": 3})
        finance = self._make_user("bil_fin", ["mall_leasing.group_finance_user"])
        self.meter.with_user(finance).write({"unit_price": 1.1})
        with self.assertRaises(AccessError):
            self.meter.with_user(finance).unlink()
