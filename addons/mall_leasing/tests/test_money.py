import random
from decimal import Decimal

import cn2an

from odoo.addons.mall_leasing.lib.money import round_fen, round_money, split_by_weight
from odoo.addons.mall_leasing.lib.rmb import AmountOutOfRange, rmb_upper
from odoo.tests import BaseCase, tagged


@tagged("post_install", "-at_install")
class TestMoney(BaseCase):
    def test_fen_rounding_is_half_up_where_half_even_would_differ(self):
        # half-even (Python's round, Decimal's default) gives 0.12, 2.67 and 0.00 here
        self.assertEqual(round_fen("0.125"), Decimal("0.13"))
        self.assertEqual(round_money(2.675), 2.68)
        self.assertEqual(round_money(0.005), 0.01)
        self.assertEqual(round_money(-0.125), -0.13)
        self.assertEqual(round_money(12.35, "jiao"), 12.4)
        self.assertEqual(round_money(12.5, "yuan"), 13.0)

    def test_split_by_weight_adds_up_to_the_total(self):
        parts = split_by_weight(100, [1, 1, 1])
        self.assertEqual(parts, [33.34, 33.33, 33.33])
        self.assertEqual(sum(Decimal(str(p)) for p in parts), Decimal("100.00"))

    def test_capital_numerals_agree_with_cn2an(self):
        """cn2an reads like the accounting rules except that it writes no 整 after 角."""
        rng = random.Random(7)
        values = [
            0.01,
            0.1,
            1,
            10,
            10.2,
            100,
            1010,
            1000.05,
            100000.1,
            100000005,
            20000000.07,
            1234.5,
            1.23,
        ]
        values += [rng.randrange(1, 10**12) / 100 for _ in range(500)]
        for value in values:
            expected = cn2an.an2cn(f"{value:.2f}", "rmb")
            if expected.endswith("角"):
                expected += "整"
            with self.subTest(value=value):
                self.assertEqual(rmb_upper(value), expected)
        self.assertEqual(rmb_upper(-1234.5), "负壹仟贰佰叁拾肆元伍角整")
        self.assertEqual(rmb_upper(0), "零元整")

    def test_capital_numerals_refuse_what_they_cannot_read(self):
        for value in (10**16, 1e309, float("nan"), float("inf"), "abc"):
            with self.subTest(value=value), self.assertRaises(AmountOutOfRange):
                rmb_upper(value)
