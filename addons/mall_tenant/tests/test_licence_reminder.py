from datetime import timedelta

from odoo import fields
from odoo.addons.mall_tenant.models.mall_demo_generator import LICENCE_PLACEHOLDER
from odoo.tests import tagged

from .common import TenantCase


@tagged("post_install", "-at_install")
class TestLicenceReminder(TenantCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.today = fields.Date.context_today(cls.env["res.partner"])
        cls.expiring = cls._tenant(
            "深圳星初餐饮管理有限公司",
            mall_licence_file=LICENCE_PLACEHOLDER,
            mall_licence_expiry=cls.today + timedelta(days=20),
        )
        cls.later = cls._tenant(
            "成都鹿野商贸有限公司",
            mall_licence_file=LICENCE_PLACEHOLDER,
            mall_licence_expiry=cls.today + timedelta(days=90),
        )
        cls.activity_type = cls.env.ref("mall_tenant.mail_activity_type_licence_expiry")

    def _reminders(self, partner):
        return self.env["mail.activity"].search(
            [
                ("res_model", "=", "res.partner"),
                ("res_id", "=", partner.id),
                ("activity_type_id", "=", self.activity_type.id),
            ]
        )

    def test_expiring_licence_gets_one_reminder_not_one_per_night(self):
        self.env["res.partner"]._cron_mall_licence_reminders()
        reminder = self._reminders(self.expiring)
        self.assertEqual(len(reminder), 1)
        self.assertEqual(reminder.date_deadline, self.expiring.mall_licence_expiry)
        self.assertTrue(reminder.user_id._has_group("mall_leasing.group_leasing_user"))
        self.assertFalse(self._reminders(self.later), "90 days ahead is too early")
        self.assertEqual(self.expiring.mall_licence_state, "expiring")
        # the next nights, even after the activity is done, remind no more
        self.env["res.partner"]._cron_mall_licence_reminders()
        reminder.action_feedback(feedback="已联系商户")
        self.env["res.partner"]._cron_mall_licence_reminders()
        self.assertFalse(self._reminders(self.expiring))
        self.assertEqual(
            self.expiring.mall_licence_reminded_expiry, self.expiring.mall_licence_expiry
        )

    def test_a_new_expiry_date_is_reminded_again(self):
        self.env["res.partner"]._cron_mall_licence_reminders()
        self._reminders(self.expiring).action_feedback()
        self.expiring.mall_licence_expiry = self.today + timedelta(days=25)
        self.env["res.partner"]._cron_mall_licence_reminders()
        self.assertEqual(len(self._reminders(self.expiring)), 1)

    def test_the_tenants_leasing_salesperson_gets_the_reminder(self):
        clerk = self.env["res.users"].create(
            {
                "name": "招商小王",
                "login": "clerk_wang",
                "group_ids": [(6, 0, [self.env.ref("mall_leasing.group_leasing_user").id])],
            }
        )
        self.expiring.user_id = clerk
        self.env["res.partner"]._cron_mall_licence_reminders()
        self.assertEqual(self._reminders(self.expiring).user_id, clerk)
