from datetime import date

from odoo.exceptions import UserError
from odoo.tests import tagged

from .notice_common import NoticeCase


@tagged("post_install", "-at_install")
class TestAmountWords(NoticeCase):
    """Notices, statements and letters print amounts in capital numerals (大写): an amount past
    what can be read is refused with a message, not a server error."""

    def test_a_statement_too_large_to_read_in_capitals_is_refused_with_a_message(self):
        self._invoice(self.lease, date(2026, 3, 1), [(self.rent, 10000.0)])
        statement = self.env["mall.statement"]._generate(date(2026, 3, 1), partners=self.tenant)
        statement.closing_balance = 1e17
        Report = self.env["ir.actions.report"].with_context(lang="zh_CN")
        with self.assertRaisesRegex(UserError, "大写"):
            Report._render_qweb_html("mall_dunning.report_statement", statement.ids)

    def test_statements_and_letters_refuse_unreadable_amounts_with_a_message(self):
        move = self._invoice(self.lease, date(2026, 3, 1), [(self.rent, 10000.0)])
        statement = self.env["mall.statement"].with_context(lang="zh_CN")
        for amount in (10**16, float("nan"), float("inf")):
            with self.subTest(amount=amount), self.assertRaisesRegex(UserError, "大写"):
                statement._amount_upper(amount)
            with self.subTest(amount=amount), self.assertRaisesRegex(UserError, "大写"):
                move.with_context(lang="zh_CN")._mall_amount_upper(amount)
        self.assertEqual(move._mall_amount_upper(), "壹万元整")
