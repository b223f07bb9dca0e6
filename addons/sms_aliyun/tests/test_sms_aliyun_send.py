from unittest.mock import patch

from odoo.tests import TransactionCase, tagged

from .common import SIMULATOR_ACCOUNT, SmsAliyunSimulatorMixin


@tagged("post_install", "-at_install")
class TestSmsAliyunSend(SmsAliyunSimulatorMixin, TransactionCase):
    """Odoo's SMS queue sends through the Aliyun provider to the simulator process."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.start_sms_simulator()
        cls.tenant = cls.env["res.partner"].create(
            {"name": "上海星光餐饮管理有限公司", "phone": "+86 138 0013 8000", "lang": "zh_CN"}
        )

    def setUp(self):
        super().setUp()
        self.sms_control(reset=True)

    def _sms(self, number="+86 138 0013 8000", body="星光广场：您的账单已出。", **vals):
        return self.env["sms.sms"].create({"number": number, "body": body, **vals})

    def test_sms_is_signed_sent_and_marked_sent(self):
        sms = self._sms()
        sms.send(unlink_sent=False)
        self.assertEqual(
            (sms.state, sms.failure_type),
            ("pending", False),
            "accepted by Aliyun: Sent, waiting for its delivery report",
        )
        [message] = self.sms_messages()
        self.assertEqual(message["phone"], "13800138000", "+86 is stripped")
        self.assertEqual(
            (message["sign_name"], message["template_code"]), ("星光广场", "SMS_000001")
        )
        self.assertEqual(message["params"], {"content": "星光广场：您的账单已出。"})
        self.assertEqual(message["out_id"], sms.uuid)
        self.assertEqual(sms.sms_aliyun_biz_id, message["biz_id"])

    def test_the_gateway_refuses_a_wrong_secret(self):
        self.env.company.sms_aliyun_access_key_secret = "WRONG"
        sms = self._sms()
        sms.send(unlink_failed=False)
        self.assertEqual((sms.state, sms.failure_type), ("error", "sms_acc"))
        self.assertIn("SignatureDoesNotMatch", sms.sms_aliyun_failure_reason)
        self.env.company.write(
            {"sms_aliyun_access_key_secret": "SIMSECRET", "sms_aliyun_access_key_id": "OTHER"}
        )
        unknown_key = self._sms()
        unknown_key.send(unlink_failed=False)
        self.assertEqual(unknown_key.failure_type, "sms_acc")
        self.assertIn("InvalidAccessKeyId.NotFound", unknown_key.sms_aliyun_failure_reason)
        self.assertFalse(self.sms_messages(), "nothing went out unsigned")

    def test_aliyun_errors_map_to_odoo_failures(self):
        for code, failure_type in (
            ("isv.AMOUNT_NOT_ENOUGH", "sms_credit"),
            ("isv.BUSINESS_LIMIT_CONTROL", "sms_server"),
            ("isv.SMS_TEMPLATE_ILLEGAL", "sms_acc"),
            ("isv.SOMETHING_NEW", "sms_server"),
        ):
            with self.subTest(code=code):
                self.sms_control(fail_next=1, code=code)
                sms = self._sms()
                sms.send(unlink_failed=False)
                self.assertEqual((sms.state, sms.failure_type), ("error", failure_type))
                self.assertIn(code, sms.sms_aliyun_failure_reason)
        bad_number = self._sms(number="12345")
        bad_number.send(unlink_failed=False)
        self.assertEqual(bad_number.failure_type, "sms_number_format")
        self.env.company.sms_aliyun_sign_name = "别的签名"
        unapproved = self._sms()
        unapproved.send(unlink_failed=False)
        self.assertEqual(unapproved.failure_type, "sms_acc")
        self.assertIn("isv.SMS_SIGNATURE_ILLEGAL", unapproved.sms_aliyun_failure_reason)

    def test_unreachable_gateway_is_a_server_error(self):
        self.env.company.sms_aliyun_endpoint = "http://127.0.0.1:9/"
        sms = self._sms()
        sms.send(unlink_failed=False)
        self.assertEqual((sms.state, sms.failure_type), ("error", "sms_server"))

    def test_the_user_reads_the_refusal_in_chinese(self):
        self.sms_control(fail_next=1, code="isv.BUSINESS_LIMIT_CONTROL")
        tenant = self.tenant.with_context(lang="zh_CN")
        message = tenant._message_sms("您的账单已出。", partner_ids=tenant.ids)
        notification = message.notification_ids
        self.assertEqual(
            (notification.notification_status, notification.failure_type),
            ("exception", "sms_server"),
        )
        self.assertEqual(
            notification.failure_reason,
            "已达到阿里云对该号码或账号的发送上限，请稍后重发。"
            "（isv.BUSINESS_LIMIT_CONTROL: 模拟发送失败）",
        )

    def test_a_record_texts_its_partner_with_an_sms_template(self):
        template = self.env["sms.template"].create(
            {
                "name": "账单提醒",
                "model_id": self.env["ir.model"]._get_id("res.partner"),
                "body": "{{ object.name }}：您的账单已出。",
            }
        )
        message = self.tenant._message_sms_with_template(
            template=template, partner_ids=self.tenant.ids
        )
        [sent] = self.sms_messages()
        self.assertEqual(sent["params"]["content"], "上海星光餐饮管理有限公司：您的账单已出。")
        notification = message.notification_ids
        self.assertEqual(notification.notification_status, "pending")
        self.assertEqual(notification.sms_tracker_ids.sms_aliyun_biz_id, sent["biz_id"])

    def test_nothing_is_sent_twice(self):
        sms = self._sms()
        sms.send(unlink_sent=False)
        sms.send(unlink_sent=False)
        refused = self._sms(number="12345")
        refused.send(unlink_failed=False)
        others = self.env["sms.sms"].search([("state", "=", "outgoing")])
        others.state = "canceled"  # the queue would send them, through IAP for other companies
        with patch.object(type(self.env["ir.cron"]), "_commit_progress", return_value=0):
            self.env["sms.sms"]._process_queue()
        self.assertEqual(len(self.sms_messages()), 1, "the queue skips what was sent or failed")
        refused.number = "+86 139 0000 0000"
        refused.resend_failed()
        refused.resend_failed()
        self.assertEqual([m["phone"] for m in self.sms_messages()], ["13800138000", "13900000000"])

    def test_each_company_sends_with_its_own_account(self):
        other = self.env["res.company"].create({"name": "星光广场二期"})
        other.write(
            {
                "sms_provider": "aliyun",
                "sms_aliyun_endpoint": self.sms_url,
                **SIMULATOR_ACCOUNT,
                "sms_aliyun_access_key_secret": "OTHERSECRET",
            }
        )
        ours, theirs = self._sms(), self._sms(record_company_id=other.id)
        (ours | theirs).send(unlink_sent=False, unlink_failed=False)
        self.assertEqual(ours.state, "pending")
        self.assertEqual((theirs.state, theirs.failure_type), ("error", "sms_acc"))

    def test_send_test_sms_from_settings(self):
        settings = self.env["res.config.settings"].create({"sms_aliyun_test_number": "13800138000"})
        action = settings.action_sms_aliyun_send_test()
        self.assertEqual(action["params"]["type"], "success")
        self.assertEqual(self.sms_messages()[0]["phone"], "13800138000")
        self.sms_control(fail_next=1, code="isv.AMOUNT_NOT_ENOUGH")
        action = settings.with_context(lang="zh_CN").action_sms_aliyun_send_test()
        self.assertEqual(action["params"]["type"], "danger")
        self.assertIn("阿里云短信账户余额不足", action["params"]["message"])

    def test_a_mass_sms_goes_out_with_the_account_of_the_records_company(self):
        other = self.env["res.company"].create({"name": "星光广场二期"})
        other.write(
            {
                "sms_provider": "aliyun",
                "sms_aliyun_endpoint": self.sms_url,
                **SIMULATOR_ACCOUNT,
                "sms_aliyun_sign_name": "星光二期",
            }
        )
        theirs = self.env["res.partner"].create(
            {"name": "二期商户", "phone": "+86 137 0000 0001", "company_id": other.id}
        )
        composer = (
            self.env["sms.composer"]
            .with_context(
                active_model="res.partner",
                active_ids=(self.tenant | theirs).ids,
            )
            .create(
                {"composition_mode": "mass", "body": "停车场本周末维护。", "mass_force_send": True}
            )
        )
        sms = composer._action_send_sms()
        self.assertEqual(sms.mapped("record_company_id"), self.env.company | other)
        self.assertEqual(
            sms.filtered(lambda s: s.record_company_id == other).failure_type,
            "sms_acc",
            "sent with the second company's unapproved sign name",
        )
        [sent] = self.sms_messages()
        self.assertEqual(sent["phone"], "13800138000")
