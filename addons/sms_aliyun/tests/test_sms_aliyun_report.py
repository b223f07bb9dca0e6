import json

from odoo.tests import HttpCase, tagged

from .common import SmsAliyunSimulatorMixin


@tagged("post_install", "-at_install")
class TestSmsAliyunReport(SmsAliyunSimulatorMixin, HttpCase):
    """The simulator pushes Aliyun's delivery reports (SmsReport) to /sms_aliyun/report."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.start_sms_simulator()
        cls.tenant = cls.env["res.partner"].create(
            {"name": "北京月亮服饰有限公司", "phone": "+86 139 1234 5678", "lang": "zh_CN"}
        )

    def setUp(self):
        super().setUp()
        self.sms_control(reset=True, report_url=f"{self.base_url()}/sms_aliyun/report")

    def _text_tenant(self):
        """An SMS to the tenant, accepted by Aliyun: (sms, its notification)."""
        message = self.tenant._message_sms(
            "您的缴费通知单已出。", partner_ids=self.tenant.ids, put_in_queue=True
        )
        notification = message.notification_ids
        sms = self.env["sms.sms"].browse(notification.sms_id_int)
        sms.send(unlink_sent=False)
        self.assertEqual((sms.state, notification.notification_status), ("pending", "pending"))
        return sms, notification

    def _push(self, sms, **report):
        """Push a report; the test's cache is flushed before and dropped after, as the
        request writes through its own environment."""
        self.env.flush_all()
        # the push comes from the simulator's process, without the test browser's cookie
        with self.allow_requests(all_requests=True):
            answer = self.sms_push_report(out_id=sms.uuid, **report)
        self.env.invalidate_all(flush=False)
        return answer

    def test_delivery_report_marks_the_sms_delivered(self):
        sms, notification = self._text_tenant()
        answer = self._push(sms)
        self.assertEqual(answer["status"], 200, answer)
        self.assertEqual(json.loads(answer["body"])["code"], 0)
        self.assertEqual(sms.state, "sent", "Delivered")
        self.assertEqual(
            (notification.notification_status, notification.failure_type), ("sent", False)
        )

    def test_failed_delivery_report_puts_the_sms_in_error(self):
        sms, notification = self._text_tenant()
        self._push(sms, success=False, err_code="REJECTD", err_msg="运营商拦截")
        self.assertEqual((sms.state, sms.failure_type), ("error", "sms_rejected"))
        self.assertEqual(sms.sms_aliyun_failure_reason, "REJECTD: 运营商拦截")
        self.assertEqual(
            (
                notification.notification_status,
                notification.failure_type,
                notification.failure_reason,
            ),
            ("bounce", "sms_rejected", "REJECTD: 运营商拦截"),
        )
        other, other_notification = self._text_tenant()
        self._push(other, success=False, err_code="MK:9999", err_msg="未知错误")
        self.assertEqual(other.failure_type, "sms_not_delivered")
        self.assertEqual(other_notification.notification_status, "exception")

    def test_a_report_pushed_twice_changes_nothing_more(self):
        sms, notification = self._text_tenant()
        self._push(sms)
        self._push(sms)
        self._push(sms, success=False, err_code="EXPIRED", err_msg="超时")
        self.assertEqual(sms.state, "sent")
        self.assertEqual(notification.notification_status, "sent")
        self.assertEqual(len(self.sms_messages()), 1)

    def test_a_forged_report_is_ignored(self):
        sms, notification = self._text_tenant()
        forged = [
            {
                "out_id": sms.uuid,
                "biz_id": "123^456",
                "success": False,
                "err_code": "REJECTD",
                "err_msg": "伪造",
            }
        ]
        self.env.flush_all()
        response = self.url_open(
            "/sms_aliyun/report",
            data=json.dumps(forged),
            headers={"Content-Type": "application/json"},
        )
        self.assertEqual(response.json()["code"], 0, "answered, so that Aliyun does not retry")
        self.env.invalidate_all(flush=False)
        self.assertEqual((sms.state, notification.notification_status), ("pending", "pending"))
        response = self.url_open(
            "/sms_aliyun/report", data="not json", headers={"Content-Type": "application/json"}
        )
        self.assertEqual(response.status_code, 400)
