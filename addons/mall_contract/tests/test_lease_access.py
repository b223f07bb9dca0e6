from unittest.mock import patch

from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged

from .common import MallLeaseCase


@tagged("post_install", "-at_install")
class TestLeaseAccess(MallLeaseCase, HttpCase):
    def setUp(self):
        super().setUp()
        self.mine = self._approved(self._lease())
        self.theirs = self._approved(self._lease(units=self.unit_b, tenant=self.other_tenant))

    def test_tenant_never_sees_another_tenants_lease(self):
        Lease = self.env["mall.lease"].with_user(self.portal_user)
        self.assertEqual(Lease.search([]), self.mine)
        with self.assertRaises(AccessError):
            Lease.browse(self.theirs.id).read(["name"])

    def test_portal_lists_own_leases_only(self):
        self.authenticate("lease_portal", "lease_portal")
        page = self.url_open("/my/leases")
        self.assertIn(self.mine.name, page.text)
        self.assertNotIn(self.theirs.name, page.text)
        other = self.url_open(f"/my/leases/{self.theirs.id}")
        self.assertNotIn(self.theirs.name, other.text)
        own = self.url_open(f"/my/leases/{self.mine.id}")
        self.assertIn("上海星光餐饮管理有限公司", own.text)

    def test_portal_downloads_own_contract(self):
        self.authenticate("lease_portal", "lease_portal")
        # Under tests Odoo answers a PDF report with its HTML unless told to render it.
        Report = self.registry["ir.actions.report"]
        render_pdf = Report._render_qweb_pdf

        def forced(report, *args, **kwargs):
            return render_pdf(report.with_context(force_report_rendering=True), *args, **kwargs)

        with patch.object(Report, "_render_qweb_pdf", forced):
            response = self.url_open(f"/my/leases/{self.mine.id}/contract")
        self.assertIn(f"{self.mine.name}.pdf", response.headers.get("Content-Disposition"))
        self.assertEqual(response.headers.get("Content-Type"), "application/pdf")
        self.assertTrue(response.content.startswith(b"%PDF"))
        response = self.url_open(f"/my/leases/{self.theirs.id}/contract")
        self.assertFalse(response.content.startswith(b"%PDF"))

    def test_portal_page_speaks_chinese(self):
        self.portal_user.lang = "zh_CN"
        self.env["res.lang"]._activate_lang("zh_CN")
        self.authenticate("lease_portal", "lease_portal")
        page = self.url_open(f"/my/leases/{self.mine.id}")
        self.assertIn("铺位", page.text)
