from psycopg2 import IntegrityError

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import MallLeasingCase


@tagged("post_install", "-at_install")
class TestUnit(MallLeasingCase):
    def test_unit_code_is_unique_within_its_mall(self):
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            self._make_unit("1F-001")

    def test_same_code_is_allowed_in_another_mall(self):
        other = self.env["mall.mall"].create({"name": "另一广场", "code": "OTH"})
        floor = self.env["mall.floor"].create({"name": "1F", "mall_id": other.id})
        unit = self.env["mall.unit"].create(
            {
                "code": "1F-001",
                "mall_id": other.id,
                "floor_id": floor.id,
                "gross_area": 50.0,
                "leasable_area": 40.0,
            }
        )
        self.assertEqual(unit.code, self.unit_a.code)

    def test_leasable_area_cannot_exceed_gross_area(self):
        with self.assertRaisesRegex(ValidationError, "不能超过建筑面积"), self.env.cr.savepoint():
            self._make_unit("1F-099", leasable_area=120.0)
        self.assertFalse(self.env["mall.unit"].search([("code", "=", "1F-099")]))

    def test_negative_area_is_refused_and_nothing_is_written(self):
        with self.assertRaisesRegex(ValidationError, "必须大于零"), self.env.cr.savepoint():
            self._make_unit("1F-098", gross_area=-5.0)
        with self.assertRaisesRegex(ValidationError, "面积不能为负数"), self.env.cr.savepoint():
            self.unit_a.write({"shared_area": -1.0})
        self.assertEqual(self.unit_a.shared_area, 15.0)
        self.assertFalse(self.env["mall.unit"].search([("code", "=", "1F-098")]))

    def test_floor_of_another_mall_is_refused(self):
        other = self.env["mall.mall"].create({"name": "另一广场", "code": "OTH"})
        floor = self.env["mall.floor"].create({"name": "2F", "mall_id": other.id})
        with self.assertRaisesRegex(ValidationError, "属于其他商场"), self.env.cr.savepoint():
            self._make_unit("1F-097", floor_id=floor.id)

    def test_building_groups_floors_and_units(self):
        building = self.env["mall.building"].create({"name": "A座", "mall_id": self.mall.id})
        floor = self.env["mall.floor"].create(
            {"name": "1F", "mall_id": self.mall.id, "building_id": building.id}
        )
        unit = self._make_unit("A-1F-001", floor_id=floor.id)
        self.assertEqual(unit.building_id, building)
        self.assertEqual(floor.display_name, "A座 / 1F")

    def test_merge_archives_old_units_and_links_them(self):
        wizard = self.env["mall.unit.merge.wizard"].create(
            {
                "unit_ids": [(6, 0, (self.unit_a | self.unit_b).ids)],
                "code": "1F-001/002",
                "reason": "主力店需要大面积",
            }
        )
        action = wizard.action_merge()
        merged = self.env["mall.unit"].browse(action["res_id"])
        self.assertEqual(merged.gross_area, 200.0)
        self.assertEqual(merged.leasable_area, 170.0)
        self.assertEqual(merged.origin_unit_ids, self.unit_a | self.unit_b)
        self.assertFalse(self.unit_a.active or self.unit_b.active)
        self.assertEqual(self.unit_a.successor_unit_ids, merged)

    def test_merge_refuses_units_that_are_not_vacant(self):
        self.unit_b._set_state("open", "开业")
        wizard = self.env["mall.unit.merge.wizard"].create(
            {
                "unit_ids": [(6, 0, (self.unit_a | self.unit_b).ids)],
                "code": "1F-X",
                "reason": "合铺",
            }
        )
        with self.assertRaisesRegex(UserError, "只有空置铺位才能合并"), self.env.cr.savepoint():
            wizard.action_merge()
        self.assertTrue(self.unit_a.active)

    def test_split_creates_parts_and_refuses_more_area_than_the_original(self):
        wizard = (
            self.env["mall.unit.split.wizard"]
            .with_context(active_model="mall.unit", active_id=self.unit_a.id)
            .create({"reason": "拆分招商"})
        )
        self.assertEqual(wizard.line_ids.mapped("code"), ["1F-001A", "1F-001B"])
        wizard.line_ids[0].gross_area = 80.0
        with self.assertRaisesRegex(UserError, "超过铺位"), self.env.cr.savepoint():
            wizard.action_split()
        self.assertTrue(self.unit_a.active)
        wizard.line_ids[0].gross_area = 50.0
        action = wizard.action_split()
        parts = self.env["mall.unit"].search(action["domain"])
        self.assertEqual(len(parts), 2)
        self.assertFalse(self.unit_a.active)
        self.assertEqual(self.unit_a.successor_unit_ids, parts)
