import base64

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import MeterCase


@tagged("post_install", "-at_install")
class TestMeterReading(MeterCase):
    def test_consumption_is_the_difference_times_the_multiplier(self):
        first, second = self._readings(self.meter, [1000, 1100.5])
        self.assertEqual(first.consumption, 0.0)
        self.assertEqual(second.previous_value, 1000)
        self.assertEqual(second.consumption, 201.0)
        self.assertEqual(second.amount, 211.05)
        self.assertEqual(second.state, "valid")
        self.assertTrue(second.is_billable)

    def test_a_reading_lower_than_the_previous_is_flagged_and_not_billable(self):
        readings = self._readings(self.meter, [1000, 990])
        self.assertEqual(readings[1].state, "flagged")
        self.assertIn("1000", readings[1].flag_reason)
        self.assertFalse(readings[1].is_billable)

    def test_a_spike_over_three_times_the_average_is_flagged_until_finance_confirms(self):
        readings = self._readings(self.meter, [0, 100, 210, 300, 1000])
        self.assertEqual(readings[:4].mapped("state"), ["valid"] * 4)
        spike = readings[4]
        self.assertEqual(spike.state, "flagged")
        self.assertIn("3", spike.flag_reason)
        engineer = self._make_user("bil_eng_r", ["mall_leasing.group_engineering_user"])
        with self.assertRaises(AccessError):
            spike.with_user(engineer).action_confirm()
        finance = self._make_user("bil_fin_r", ["mall_leasing.group_finance_user"])
        spike.with_user(finance).action_confirm()
        self.assertEqual(spike.state, "confirmed")
        self.assertTrue(spike.is_billable)

    def test_readings_entered_in_any_order_find_their_previous(self):
        self._readings(self.meter, [100], start_month=3)
        earlier = self._readings(self.meter, [50], start_month=1)
        self.assertEqual(earlier.consumption, 0.0)
        later = self.env["mall.meter.reading"].search(
            [("meter_id", "=", self.meter.id), ("date", "=", "2026-03-01")]
        )
        self.assertEqual((later.previous_value, later.consumption), (50.0, 100.0))

    def test_import_creates_readings_from_csv(self):
        csv_data = "meter,date,value\nE-B-001,2026-01-01,10\nE-B-001,2026-02-01,30\n"
        wizard = self.env["mall.meter.reading.import"].create(
            {"file": base64.b64encode(csv_data.encode()), "filename": "readings.csv"}
        )
        action = wizard.action_import()
        self.assertEqual(action["params"]["type"], "success")
        readings = self.meter.reading_ids.sorted("date")
        self.assertEqual(readings.mapped("consumption"), [0.0, 40.0])

    def test_import_of_a_wrong_file_imports_nothing_and_names_the_lines(self):
        csv_data = (
            "meter,date,value\nE-B-001,2026-01-01,10\nNOPE,2026-02-01,30\nE-B-001,someday,5\n"
        )
        wizard = (
            self.env["mall.meter.reading.import"]
            .with_context(lang="en_US")
            .create({"file": base64.b64encode(csv_data.encode()), "filename": "readings.csv"})
        )
        with self.assertRaisesRegex(UserError, "Line 3") as caught:
            wizard.action_import()
        self.assertIn("Line 4", str(caught.exception))
        self.assertFalse(self.meter.reading_ids)

    def test_import_reads_xlsx(self):
        try:
            import openpyxl
        except ImportError:
            self.skipTest("openpyxl is not installed")
        import io

        book = openpyxl.Workbook()
        sheet = book.active
        sheet.append(["meter", "date", "value"])
        sheet.append(["E-B-001", "2026-01-01", 5])
        sheet.append(["E-B-001", "2026-02-01", 8])
        buffer = io.BytesIO()
        book.save(buffer)
        wizard = self.env["mall.meter.reading.import"].create(
            {"file": base64.b64encode(buffer.getvalue()), "filename": "抄表.xlsx"}
        )
        wizard.action_import()
        self.assertEqual(self.meter.reading_ids.sorted("date").mapped("consumption"), [0.0, 6.0])

    def test_a_second_reading_on_the_same_day_is_reported_per_line(self):
        results = self.env["mall.meter.reading"]._import_rows(
            [
                {"meter": "E-B-001", "date": "2026-01-01", "value": 1},
                {"meter": "E-B-001", "date": "2026-01-01", "value": 2},
            ]
        )
        self.assertEqual([r["status"] for r in results], ["valid", "error"])
        self.assertEqual(len(self.meter.reading_ids), 1)

    def test_the_second_reading_is_checked_against_the_expected_use(self):
        self.meter.expected_monthly_use = 200.0
        readings = self._readings(self.meter, [1000, 2000])  # × 2 = 2,000 kWh in a month
        self.assertEqual(readings[1].state, "flagged")
        normal = self.env["mall.meter"].create(
            {
                "code": "E-B-002",
                "kind": "electricity",
                "mall_id": self.mall.id,
                "unit_id": self.units[1].id,
                "expected_monthly_use": 200.0,
            }
        )
        self.assertEqual(self._readings(normal, [10, 230])[1].state, "valid")

    def test_a_jump_after_readings_without_consumption_is_flagged(self):
        readings = self._readings(self.meter, [500, 500, 500, 500, 4000])
        self.assertEqual(readings[:4].mapped("state"), ["valid"] * 4)
        self.assertEqual(readings[4].state, "flagged")
        self.assertIn("7000", readings[4].flag_reason)

    def test_a_half_month_handover_reading_is_no_spike(self):
        readings = self._readings(self.meter, [0, 310, 590, 900])
        handover = self.env["mall.meter.reading"].create(
            {"meter_id": self.meter.id, "date": "2026-04-16", "value": 1050}
        )
        later = self.env["mall.meter.reading"].create(
            {"meter_id": self.meter.id, "date": "2026-04-20", "value": 1090}
        )
        self.assertEqual((readings | handover | later).mapped("state"), ["valid"] * 6)

    def test_import_refuses_non_finite_negative_and_text_values_naming_the_lines(self):
        csv_data = (
            "meter,date,value\n"
            "E-B-001,2026-01-01,10\n"
            "E-B-001,2026-02-01,nan\n"
            "E-B-001,2026-03-01,inf\n"
            "E-B-001,2026-04-01,-5\n"
            "E-B-001,2026-05-01,十二\n"
            "E-B-001,2026-06-01,1e309\n"
        )
        wizard = (
            self.env["mall.meter.reading.import"]
            .with_context(lang="zh_CN")
            .create({"file": base64.b64encode(csv_data.encode()), "filename": "readings.csv"})
        )
        with self.assertRaises(UserError) as caught:
            wizard.action_import()
        message = str(caught.exception)
        for line in (3, 4, 5, 6, 7):
            self.assertIn(f"第 {line} 行", message)
        self.assertIn("负数", message)
        self.assertIn("必须是数字", message)
        self.assertFalse(self.meter.reading_ids)

    def test_a_reading_that_is_not_a_finite_number_is_refused(self):
        for value in (float("nan"), float("inf")):
            with self.assertRaises(ValidationError):
                self.env["mall.meter.reading"].create(
                    {"meter_id": self.meter.id, "date": "2026-01-01", "value": value}
                )
