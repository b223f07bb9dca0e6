import re
from datetime import date

from odoo.tests import tagged

from .notice_common import NoticeCase, pdf_text


@tagged("post_install", "-at_install")
class TestDunning(NoticeCase):
    """Reminders (催缴) at 3, 10 and 30 days, each sent once per invoice."""

    def _run(self, day):
        self._run_dunning(day)

    def test_each_reminder_level_is_sent_once(self):
        move = self._invoice(self.lease, date(2026, 3, 1), [(self.rent, 10000.0)])
        reminder = self.env.ref("mall_dunning.dunning_level_reminder")
        urgent = self.env.ref("mall_dunning.dunning_level_urgent")
        letter = self.env.ref("mall_dunning.dunning_level_letter")

        self._run(date(2026, 3, 3))
        self.assertFalse(move.mall_dunning_ids)
        self._run(date(2026, 3, 4))
        self._run(date(2026, 3, 5))
        self.assertEqual(move.mall_dunning_ids.level_id, reminder)
        self.assertTrue(move.mall_dunning_ids.email_sent)
        mails = move.message_ids.filtered(lambda m: m.message_type == "comment")
        self.assertEqual(len(mails), 1)
        self.assertIn("逾期", mails.subject, "the reminder is in the tenant's language")

        self._run(date(2026, 3, 11))
        self._run(date(2026, 3, 12))
        self.assertEqual(move.mall_dunning_ids.level_id, reminder | urgent)
        sms = self.env["sms.sms"].search(
            [
                ("mail_message_id.res_id", "=", move.id),
                ("mail_message_id.model", "=", "account.move"),
            ]
        )
        self.assertEqual(len(sms), 1, "one SMS queued in Odoo's SMS framework")
        self.assertEqual((sms.state, sms.partner_id), ("outgoing", self.tenant))
        self.assertEqual(re.sub(r"\D", "", sms.number), "8613800138000")
        self.assertIn(move.name, sms.body)
        self.assertIn("已逾期", sms.body, "the reminder SMS is in the tenant's language")
        self.assertTrue(move.activity_ids, "finance has a task")

        self._run(date(2026, 3, 31))
        self._run(date(2026, 4, 1))
        self.assertEqual(move.mall_dunning_ids.level_id, reminder | urgent | letter)
        log = move.mall_dunning_ids.filtered(lambda entry: entry.level_id == letter)
        self.assertTrue(log.letter_id)
        self.assertEqual(log.late_fee, 125.0)  # 25 days beyond grace × 0.05 % × 10 000

    def test_paid_invoice_gets_no_more_reminders(self):
        move = self._invoice(self.lease, date(2026, 3, 1), [(self.rent, 10000.0)])
        self._run(date(2026, 3, 4))
        self._pay(move, 10000.0, date(2026, 3, 6))
        self._run(date(2026, 3, 31))
        self.assertEqual(len(move.mall_dunning_ids), 1)

    def test_an_invoice_found_long_overdue_gets_only_the_highest_level(self):
        move = self._invoice(self.lease, date(2026, 1, 1), [(self.rent, 10000.0)])
        self._run(date(2026, 3, 1))
        self.assertEqual(
            move.mall_dunning_ids.level_id, self.env.ref("mall_dunning.dunning_level_letter")
        )

    def test_dunning_letter_pdf_is_in_chinese(self):
        move = self._invoice(self.lease, date(2026, 1, 1), [(self.rent, 10000.0)])
        self._run(date(2026, 3, 1))
        text = pdf_text(move.mall_dunning_ids._render_letter_pdf())
        self.assertIn("催款函", text)
        self.assertIn("上海星光餐饮管理有限公司", text)
        self.assertIn("壹万元整", text)
