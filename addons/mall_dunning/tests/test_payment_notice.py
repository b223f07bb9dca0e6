import re
from datetime import date

from odoo.tests import tagged

from .notice_common import NoticeCase, pdf_text


@tagged("post_install", "-at_install")
class TestPaymentNotice(NoticeCase):
    def test_posting_queues_the_notice_when_the_company_wants_it(self):
        self.env.company.mall_notice_on_post = True
        move = self._invoice(self.lease, date(2026, 3, 1), [(self.rent, 10000.0)])
        self.assertTrue(move.mall_notice_pending)
        self.env.company.mall_notice_on_post = False
        other = self._invoice(self.lease, date(2026, 4, 1), [(self.rent, 10000.0)])
        self.assertFalse(other.mall_notice_pending)

    def test_notice_is_emailed_with_its_pdf(self):
        move = self._invoice(self.lease, date(2026, 3, 1), [(self.rent, 10000.0)])
        move.action_mall_send_payment_notice()
        self.assertTrue(move.mall_notice_sent)
        message = move.message_ids.filtered(lambda m: m.message_type == "comment")
        self.assertEqual(len(message), 1)
        self.assertIn("缴费通知", message.subject)
        self.assertEqual(message.partner_ids, self.tenant)
        self.assertEqual(len(message.attachment_ids), 1)

    def _sms_of(self, move):
        return self.env["sms.sms"].search(
            [
                ("mail_message_id.res_id", "=", move.id),
                ("mail_message_id.model", "=", "account.move"),
            ]
        )

    def test_notice_by_sms_queues_a_chinese_sms_to_the_tenant(self):
        self.env.company.mall_notice_sms = True
        move = self._invoice(self.lease, date(2026, 3, 1), [(self.rent, 10000.0)])
        move.action_mall_send_payment_notice()
        sms = self._sms_of(move)
        self.assertEqual(len(sms), 1)
        self.assertEqual((sms.state, sms.partner_id), ("outgoing", self.tenant))
        self.assertEqual(re.sub(r"\D", "", sms.number), "8613800138000")
        self.assertIn(move.name, sms.body)
        self.assertIn("请于", sms.body)

    def test_no_sms_without_the_setting_or_a_phone(self):
        move = self._invoice(self.lease, date(2026, 3, 1), [(self.rent, 10000.0)])
        move.action_mall_send_payment_notice()
        self.assertFalse(self._sms_of(move), "the company did not ask for SMS")
        self.env.company.mall_notice_sms = True
        other = self._invoice(self.other_lease, date(2026, 3, 1), [(self.rent, 10000.0)])
        other.action_mall_send_payment_notice()
        self.assertTrue(other.mall_notice_sent)
        self.assertFalse(self._sms_of(other), "the other tenant has no phone")

    def test_notice_pdf_is_in_chinese_with_capital_amount(self):
        move = self._invoice(
            self.lease, date(2026, 3, 1), [(self.rent, 10000.0), (self.property_fee, 2345.6)]
        )
        pdf, _fmt = (
            self.env["ir.actions.report"]
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf("mall_dunning.action_report_payment_notice", move.ids)
        )
        text = pdf_text(pdf)
        self.assertIn("缴费通知单", text)
        self.assertIn("上海星光餐饮管理有限公司", text)
        self.assertIn("壹万贰仟叁佰肆拾伍元陆角整", text)
        self.assertIn("B-001", text)
