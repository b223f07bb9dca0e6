from decimal import Decimal

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import MallLeasingCase


@tagged("post_install", "-at_install")
class TestRentSchedule(MallLeasingCase):
    def _schedule(self, *args, **kwargs):
        return self.env["mall.rent.schedule"].compute_schedule(*args, **kwargs)

    def test_first_and_last_months_are_prorated_by_days_to_the_fen(self):
        result = self._schedule(100, 200, "2026-03-15", "2027-03-14")
        lines = result["lines"]
        self.assertEqual(len(lines), 13)
        # 100 m² × 200 × 17/31 = 10967.741… → 10967.74
        self.assertEqual((lines[0]["days"], lines[0]["days_in_month"]), (17, 31))
        self.assertEqual(lines[0]["amount"], Decimal("10967.74"))
        self.assertEqual(lines[1]["amount"], Decimal("20000.00"))
        # 14/31 → 9032.258… → 9032.26
        self.assertEqual(lines[-1]["amount"], Decimal("9032.26"))
        self.assertEqual(result["total"], Decimal("240000.00"))
        self.assertEqual(result["total"], sum(line["amount"] for line in lines))

    def test_rent_free_months_from_the_start(self):
        engine = self.env["mall.rent.schedule"]
        free = engine.rent_free_range("2026-03-15", 2)
        result = self._schedule(100, 200, "2026-03-15", "2026-06-30", rent_free=free)
        amounts = [line["amount"] for line in result["lines"]]
        # free until 2026-05-14: March, April free; May 17 days of 31 billed; June full
        self.assertEqual(
            amounts, [Decimal("0.00"), Decimal("0.00"), Decimal("10967.74"), Decimal("20000.00")]
        )
        self.assertEqual(result["lines"][2]["free_days"], 14)
        self.assertEqual(result["total"], Decimal("30967.74"))

    def test_yearly_escalation_compounds_on_anniversaries(self):
        result = self._schedule(50, 100, "2026-01-01", "2028-12-31", escalation_rate=0.05)
        by_year = {}
        for line in result["lines"]:
            by_year.setdefault(line["period_start"].year, set()).add(line["unit_price"])
        self.assertEqual(
            by_year,
            {2026: {Decimal("100.00")}, 2027: {Decimal("105.00")}, 2028: {Decimal("110.25")}},
        )
        self.assertEqual(
            result["total"], Decimal("60000.00") + Decimal("63000.00") + Decimal("66150.00")
        )

    def test_escalation_inside_a_month_splits_its_days(self):
        # escalation on 2027-03-15: March 2027 has 14 days at 200 and 17 at 210
        result = self._schedule(10, 200, "2026-03-15", "2027-03-31", escalation_rate=0.05)
        march = result["lines"][-1]
        self.assertEqual(march["prices"], [(Decimal("200.00"), 14), (Decimal("210.00"), 17)])
        # 10 × (200×14 + 210×17) / 31 = 2054.838… → 2054.84
        self.assertEqual(march["amount"], Decimal("2054.84"))

    def test_half_fen_rounds_up(self):
        # 1 m² × 0.155 × 1 day / 31 days = 0.005 exactly: half up gives 0.01 (banker's: 0.00)
        result = self._schedule(1, "0.155", "2026-01-31", "2026-01-31")
        self.assertEqual(result["lines"][0]["amount"], Decimal("0.01"))

    def test_bad_terms_are_refused(self):
        with self.assertRaisesRegex(ValidationError, "租期结束日期不能早于开始日期"):
            self._schedule(100, 200, "2026-03-15", "2026-03-01")
        with self.assertRaisesRegex(ValidationError, "必须大于零"):
            self._schedule(0, 200, "2026-03-15", "2026-04-01")

    def test_calculator_uses_the_standard_and_shows_the_months(self):
        self._standard(self.unit_a, "2026-01-01", 200.0)
        calc = self.env["mall.rent.calculator"].create(
            {
                "unit_ids": [(6, 0, self.unit_a.ids)],
                "date_start": "2026-03-15",
                "term_months": 12,
                "rent_free_months": 2,
            }
        )
        self.assertEqual(str(calc.date_end), "2027-03-14")
        calc.action_compute()
        self.assertEqual(len(calc.line_ids), 13)
        # 85 m² × 200 × 17/31 = 9322.58… in May (rent-free until 14 May)
        may = calc.line_ids.filtered(
            lambda line: line.period_start.month == 5 and line.period_start.year == 2026
        )
        self.assertAlmostEqual(may.amount, 9322.58, places=2)
        self.assertAlmostEqual(calc.total_amount, sum(calc.line_ids.mapped("amount")), places=2)

    def test_calculator_without_a_price_says_so(self):
        calc = self.env["mall.rent.calculator"].create(
            {"unit_ids": [(6, 0, self.unit_b.ids)], "date_start": "2026-03-15", "term_months": 12}
        )
        with self.assertRaisesRegex(UserError, "没有已审批的租金标准"):
            calc.action_compute()
