from datetime import date

from odoo.tests import tagged

from .notice_common import NoticeCase, SmsSimulatorMixin


@tagged("post_install", "-at_install")
class TestSmsGateway(SmsSimulatorMixin, NoticeCase):
    """Odoo's SMS queue sends through the Chinese gateway adapter to the simulator process."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.start_sms_simulator()

    def setUp(self):
        super().setUp()
        self.sms_control(reset=True)

    def _sms(self, number="+86 138 0013 8000", body="星光广场：您的账单已出。"):
        return self.env["sms.sms"].create({"number": number, "body": body})

    def test_sms_is_signed_and_delivered_to_the_gateway(self):
        sms = self._sms()
        sms.send(unlink_sent=False)
        self.assertEqual(sms.state, "pending", "accepted by the gateway: sent")
        [message] = self.sms_messages()
        self.assertEqual(message["phone"], "13800138000")
        self.assertEqual(message["sign_name"], "星光广场")
        self.assertEqual(message["params"], {"content": "星光广场：您的账单已出。"})
        self.assertEqual(message["out_id"], sms.uuid)

    def test_gateway_refusals_put_the_sms_in_error(self):
        self.sms_control(fail_next=1)
        refused = self._sms()
        refused.send(unlink_failed=False)
        self.assertEqual((refused.state, refused.failure_type), ("error", "sms_server"))
        bad_number = self._sms(number="12345")
        bad_number.send(unlink_failed=False)
        self.assertEqual(bad_number.failure_type, "sms_number_format")
        self.env.company.mall_sms_access_key_secret = "WRONG"
        unsigned = self._sms()
        unsigned.send(unlink_failed=False)
        self.assertEqual(unsigned.failure_type, "sms_acc", "the signature does not match")
        self.assertFalse(self.sms_messages())

    def test_reminder_sms_reaches_the_tenant_through_the_simulator(self):
        move = self._invoice(self.lease, date(2026, 3, 1), [(self.rent, 10000.0)])
        self.env["account.move"]._cron_mall_dunning(date(2026, 3, 12))
        sms = self.env["sms.sms"].search([("mail_message_id.res_id", "=", move.id),
                                          ("mail_message_id.model", "=", "account.move")])
        sms.send(unlink_sent=False)
        self.assertEqual(sms.state, "pending")
        [message] = self.sms_messages()
        self.assertIn(move.name, message["params"]["content"])
        self.assertIn("逾期", message["params"]["content"])
