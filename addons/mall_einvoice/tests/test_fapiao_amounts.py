from decimal import Decimal

from odoo.addons.mall_einvoice.lib import amounts
from odoo.addons.mall_einvoice.lib.nuonuo import sign
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestFapiaoAmounts(TransactionCase):
    def test_price_excluding_tax_rounds_tax_half_up_to_the_fen(self):
        self.assertEqual(
            amounts.line_amounts(3, "33.33", "0.06"),
            (Decimal("99.99"), Decimal("6.00"), Decimal("105.99")),
        )
        # 12.5 × 0.09 = 1.125 → 1.13, not banker's 1.12
        self.assertEqual(amounts.line_amounts(1, "12.50", "0.09")[1], Decimal("1.13"))

    def test_price_including_tax_keeps_the_billed_total_exact(self):
        amount, tax, total = amounts.line_amounts(1, 10000, "0.09", price_include=True)
        self.assertEqual(
            (amount, tax, total), (Decimal("9174.31"), Decimal("825.69"), Decimal("10000.00"))
        )
        amount, tax, total = amounts.line_amounts("123.456", "7.89", "0.13", price_include=True)
        self.assertEqual(total, Decimal("974.07"))
        self.assertEqual(amount + tax, total)

    def test_totals_are_sums_of_rounded_lines(self):
        # 0.05 × 6% = 0.003 rounds to 0.00 on each line, so the total tax is 0.00, not 0.01
        lines = [amounts.line_amounts(1, "0.05", "0.06") for _i in range(3)]
        self.assertEqual(amounts.totals(lines), (Decimal("0.15"), Decimal("0.00"), Decimal("0.15")))

    def test_red_lines_are_negative_and_symmetric(self):
        self.assertEqual(
            amounts.line_amounts(-1, 10000, "0.09", price_include=True),
            (Decimal("-9174.31"), Decimal("-825.69"), Decimal("-10000.00")),
        )

    def test_capital_numerals_of_the_total(self):
        cases = {
            "12345.67": "壹万贰仟叁佰肆拾伍元陆角柒分",
            "100": "壹佰元整",
            "10": "壹拾元整",
            "0": "零元整",
            "0.50": "伍角整",
            "0.06": "陆分",
            "1.06": "壹元零陆分",
            "1010.10": "壹仟零壹拾元壹角整",
            "1000005": "壹佰万零伍元整",
            "100010000": "壹亿零壹万元整",
            "200000.00": "贰拾万元整",
            "-100": "负壹佰元整",
        }
        for value, expected in cases.items():
            with self.subTest(value=value):
                self.assertEqual(amounts.capital_amount(value), expected)

    def test_each_rent_line_gets_its_own_fapiao(self):
        lines = ["rent A", "fee", "rent B", "water"]
        groups = amounts.split_for_issue(lines, is_rent=lambda line: line.startswith("rent"))
        self.assertEqual(groups, [["rent A"], ["rent B"], ["fee", "water"]])
        self.assertEqual(len(amounts.split_for_issue(list(range(4001)))), 3)

    def test_item_name_is_printed_with_its_short_name(self):
        self.assertEqual(amounts.item_name("经营租赁", "商铺租金"), "*经营租赁*商铺租金")

    def test_nuonuo_signature_of_a_known_request(self):
        # base64(HMAC-SHA1(appSecret, a=services&l=v1&p=open&k=…&i=…&n=…&t=…&f=body))
        self.assertEqual(
            sign(
                "SDDED2523BED4643",
                "SD63236305",
                "0123456789abcdef0123456789abcdef",
                "12345678",
                "1700000000",
                '{"serialNos":["22010100000001"]}',
            ),
            "XEpBfkR1cH5HpVAXI66sc1Vxuu8=",
        )
