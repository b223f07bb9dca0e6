from psycopg2 import IntegrityError

from odoo.exceptions import ValidationError
from odoo.tests import TransactionCase, tagged
from odoo.tools import mute_logger


@tagged("post_install", "-at_install")
class TestUnit(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.mall = cls.env["mall.mall"].create({"name": "测试广场", "code": "T1"})
        cls.floor = cls.env["mall.floor"].create({"name": "1F", "level": 1, "mall_id": cls.mall.id})

    def _unit(self, **vals):
        return self.env["mall.unit"].create({
            "code": "1F-001", "mall_id": self.mall.id, "floor_id": self.floor.id,
            "gross_area": 100.0, "leasable_area": 85.0, **vals})

    def test_unit_code_is_unique_within_its_mall(self):
        self._unit()
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            self._unit()

    def test_leasable_area_cannot_exceed_gross_area(self):
        with self.assertRaisesRegex(ValidationError, "cannot exceed"):
            self._unit(leasable_area=120.0)

    def test_negative_area_is_refused(self):
        with self.assertRaises(ValidationError):
            self._unit(gross_area=-5.0)
