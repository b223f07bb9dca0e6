from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import MallLeaseCase


@tagged("post_install", "-at_install")
class TestLeaseWorkflow(MallLeaseCase):
    def _messages(self, lease):
        return " ".join(lease.message_ids.mapped("body"))

    def test_submit_needs_a_draft_with_units(self):
        lease = self._lease()
        lease.line_ids.unlink()
        with self.assertRaisesRegex(UserError, "没有铺位"):
            lease.with_user(self.clerk).action_submit()

    def test_submit_logs_who_and_the_state(self):
        lease = self._lease()
        lease.with_user(self.clerk).action_submit()
        self.assertEqual(lease.state, "submitted")
        self.assertIn("lease_clerk", self._messages(lease))
        with self.assertRaisesRegex(UserError, "不能提交"):
            lease.with_user(self.clerk).action_submit()

    def test_clerk_cannot_approve(self):
        lease = self._lease()
        lease.with_user(self.clerk).action_submit()
        with self.assertRaises(AccessError):
            lease.with_user(self.clerk).action_approve()
        self.assertEqual(lease.state, "submitted")

    def test_draft_cannot_be_approved(self):
        lease = self._lease()
        with self.assertRaisesRegex(UserError, "不能审批"):
            lease.with_user(self.manager).action_approve()

    def test_manager_approval_is_enough_at_standard_rent(self):
        lease = self._approved(self._lease())
        self.assertEqual(lease.approval_level, "1")
        self.assertEqual(lease.state, "approved")
        self.assertEqual(lease.approved_l1_by_id, self.manager)
        self.assertIn("lease_manager", self._messages(lease))

    def test_big_discount_also_needs_finance(self):
        self.env["mall.rent.standard"].create(
            {
                "unit_id": self.unit_a.id,
                "date_start": "2025-01-01",
                "price_month": 400.0,
                "reason": "测试",
            }
        ).action_approve()
        lease = self._lease(price=300.0)
        self.assertAlmostEqual(lease.discount_pct, 25.0)
        self.assertEqual(lease.approval_level, "2")
        lease.with_user(self.clerk).action_submit()
        approve = lease.with_context(mall_lease_no_signature=True)
        approve.with_user(self.manager).action_approve()
        self.assertEqual(lease.state, "submitted")
        with self.assertRaises(AccessError):
            approve.with_user(self.clerk).action_approve()
        with self.assertRaisesRegex(AccessError, "财务经理"):
            approve.with_user(self.manager).action_approve()
        approve.with_user(self.finance).action_approve()
        self.assertEqual(lease.state, "approved")
        self.assertEqual(lease.approved_l2_by_id, self.finance)

    def test_big_value_also_needs_finance(self):
        self.env.company.mall_lease_value_threshold = 100000.0
        self.assertEqual(self._lease().approval_level, "2")

    def test_rejection_returns_to_draft_with_the_reason(self):
        lease = self._lease()
        lease.with_user(self.clerk).action_submit()
        wizard = (
            self.env["mall.lease.reject.wizard"]
            .with_user(self.manager)
            .create({"lease_ids": [(6, 0, lease.ids)], "reason": "租金过低"})
        )
        wizard.action_confirm()
        self.assertEqual(lease.state, "draft")
        self.assertEqual(lease.reject_reason, "租金过低")
        self.assertIn("租金过低", self._messages(lease))
        self.assertFalse(lease.approved_l1_by_id)

    def test_approved_lease_can_still_be_rejected(self):
        lease = self._approved(self._lease())
        lease.with_user(self.manager).action_reject("单价有误")
        self.assertEqual((lease.state, lease.reject_reason), ("draft", "单价有误"))
        # Back in draft, the terms can be corrected and submitted again.
        lease.line_ids.price = 320.0
        lease.with_user(self.clerk).action_submit()
        self.assertEqual(lease.state, "submitted")
        self.assertFalse(lease.reject_reason)

    def test_approval_thresholds_are_settings(self):
        settings = self.env["res.config.settings"].create(
            {
                "mall_lease_discount_threshold": 5.0,
                "mall_lease_value_threshold": 50000.0,
                "mall_lease_reminder_days": "120,30",
                "mall_lease_expiring_days": 60,
            }
        )
        settings.execute()
        company = self.env.company
        self.assertEqual(company.mall_lease_discount_threshold, 5.0)
        self.assertEqual(company.mall_lease_value_threshold, 50000.0)
        self.assertEqual(company._mall_lease_reminder_leads(), [120, 30])
        self.assertEqual(company.mall_lease_expiring_days, 60)
        self.assertEqual(self._lease().approval_level, "2")
        with self.assertRaisesRegex(Exception, "整数天数"):
            self.env["res.config.settings"].create(
                {"mall_lease_reminder_days": "90,soon"}
            ).execute()

    def test_rejection_needs_a_reason_and_a_manager(self):
        lease = self._lease()
        lease.with_user(self.clerk).action_submit()
        with self.assertRaisesRegex(UserError, "原因"):
            lease.with_user(self.manager).action_reject(" ")
        with self.assertRaises(AccessError):
            lease.with_user(self.clerk).action_reject("不行")
        with self.assertRaisesRegex(UserError, "不能驳回"):
            self._lease(units=self.unit_b).with_user(self.manager).action_reject("不行")

    def test_only_running_leases_can_be_terminated_or_renewed(self):
        lease = self._lease()
        with self.assertRaisesRegex(UserError, "不能解约"):
            lease.with_user(self.manager).action_terminate("2026-06-30", "原因")
        with self.assertRaisesRegex(UserError, "不能续签"):
            lease.action_renew(5.0)

    def test_signing_lease_cannot_be_activated_twice(self):
        lease = self._approved(self._lease())
        with self.assertRaisesRegex(UserError, "不能生效"):
            lease._activate()

    def test_only_drafts_can_be_deleted(self):
        lease = self._lease()
        lease.with_user(self.clerk).action_submit()
        with self.assertRaisesRegex(UserError, "只能删除草稿"):
            lease.unlink()
