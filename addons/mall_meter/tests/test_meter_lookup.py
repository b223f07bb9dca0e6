import base64

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import MeterCase


@tagged("post_install", "-at_install")
class TestMeterLookup(MeterCase):
    """A meter number is unique in a mall only: readings find their meter by (mall, code)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.mall_b = cls.env["mall.mall"].create({"name": "第二广场", "code": "BT2"})
        floor = cls.env["mall.floor"].create({"name": "1F", "level": 1, "mall_id": cls.mall_b.id})
        unit = cls.env["mall.unit"].create(
            {
                "code": "C-001",
                "mall_id": cls.mall_b.id,
                "floor_id": floor.id,
                "gross_area": 96,
                "leasable_area": 80,
            }
        )
        cls.twin = cls.env["mall.meter"].create(
            {"code": "E-B-001", "kind": "electricity", "mall_id": cls.mall_b.id, "unit_id": unit.id}
        )

    def test_a_code_of_several_malls_needs_the_mall(self):
        results = self.env["mall.meter.reading"]._import_rows(
            [{"meter": "E-B-001", "date": "2026-01-01", "value": 10}]
        )
        self.assertEqual(results[0]["status"], "error")
        self.assertIn("BT2", results[0]["message"])
        self.assertIn("BTS", results[0]["message"])
        self.assertFalse(self.meter.reading_ids | self.twin.reading_ids)

    def test_the_mall_code_picks_the_meter(self):
        results = self.env["mall.meter.reading"]._import_rows(
            [
                {"mall": "BT2", "meter": "E-B-001", "date": "2026-01-01", "value": 10},
                {"mall": "BTS", "meter": "E-B-001", "date": "2026-01-01", "value": 20},
                {"mall": "NOPE", "meter": "E-B-001", "date": "2026-01-01", "value": 30},
            ]
        )
        self.assertEqual([r["status"] for r in results], ["valid", "valid", "error"])
        self.assertEqual(self.twin.reading_ids.value, 10)
        self.assertEqual(self.meter.reading_ids.value, 20)

    def test_the_import_file_has_a_mall_column(self):
        csv_data = "mall,meter,date,value\nBT2,E-B-001,2026-01-01,10\nBT2,E-B-001,2026-02-01,15\n"
        wizard = self.env["mall.meter.reading.import"].create(
            {"file": base64.b64encode(csv_data.encode()), "filename": "readings.csv"}
        )
        wizard.action_import()
        self.assertEqual(len(self.twin.reading_ids), 2)
        self.assertFalse(self.meter.reading_ids)
        without = self.env["mall.meter.reading.import"].create(
            {
                "file": base64.b64encode(b"meter,date,value\nE-B-001,2026-03-01,10\n"),
                "filename": "readings.csv",
            }
        )
        with self.assertRaisesRegex(UserError, "mall code"):
            without.action_import()
