import base64
from datetime import timedelta

from odoo import fields
from odoo.addons.mall_tenant.models.mall_demo_generator import LICENCE_PLACEHOLDER
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import TenantCase


@tagged("post_install", "-at_install")
class TestLicenceRequest(TenantCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.tenant = cls._tenant()
        cls.new_expiry = fields.Date.context_today(cls.tenant) + timedelta(days=3 * 365)
        cls.scan = base64.b64decode(LICENCE_PLACEHOLDER)

    def test_renewed_licence_waits_for_staff_then_applies(self):
        request = self.tenant._mall_portal_request_licence(self.scan, "执照.png", self.new_expiry)
        self.assertEqual(request.state, "pending")
        self.assertFalse(self.tenant.mall_has_licence, "nothing applies before the review")
        self.assertEqual(
            request.activity_ids.activity_type_id,
            self.env.ref("mall_tenant.mail_activity_type_licence_review"),
        )
        request.action_approve()
        self.assertEqual(request.state, "approved")
        self.assertTrue(self.tenant.mall_has_licence)
        self.assertEqual(self.tenant.mall_licence_expiry, self.new_expiry)
        self.assertFalse(request.activity_ids, "the review activity is done")

    def test_rejected_licence_leaves_the_tenant_unchanged(self):
        request = self.tenant._mall_portal_request_licence(self.scan, "执照.png", self.new_expiry)
        with self.assertRaisesRegex(UserError, "请填写驳回原因"):
            request.action_reject()
        request.rejection_reason = "扫描件不清晰"
        request.action_reject()
        self.assertEqual(request.state, "rejected")
        self.assertFalse(self.tenant.mall_has_licence)
        with self.assertRaises(UserError):
            request.action_approve()

    def test_bad_files_are_refused(self):
        with self.assertRaisesRegex(UserError, "PDF、PNG 或 JPEG"):
            self.tenant._mall_portal_request_licence(self.scan, "licence.exe", False)
        with self.assertRaisesRegex(UserError, "仍在有效期内"):
            self.tenant._mall_portal_request_licence(
                self.scan, "licence.pdf", fields.Date.context_today(self.tenant)
            )
        self.assertFalse(
            self.env["mall.licence.request"].search([("partner_id", "=", self.tenant.id)])
        )
