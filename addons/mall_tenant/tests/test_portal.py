import random

from odoo import http
from odoo.addons.mall_tenant.models.mall_demo_generator import make_uscc
from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, TransactionCase, tagged


class PortalTenants:
    """Two tenants, each with a contact who logs into the portal (password = login)."""

    @classmethod
    def _portal_tenants(cls):
        rng = random.Random("mall_tenant portal")
        cls.tenant_a, cls.tenant_b = cls.env["res.partner"].create(
            [
                {
                    "name": name,
                    "is_company": True,
                    "mall_uscc": make_uscc(rng),
                    "mall_tenant_stage": "active",
                }
                for name in ("上海悦禾商贸有限公司", "北京云川餐饮管理有限公司")
            ]
        )
        cls.contact_a = cls.env["res.partner"].create(
            {"name": "王芳", "parent_id": cls.tenant_a.id, "phone": "13800000001"}
        )
        cls.contact_b = cls.env["res.partner"].create(
            {"name": "李强", "parent_id": cls.tenant_b.id, "phone": "13800000002"}
        )
        users = cls.env["res.users"].with_context(no_reset_password=True)
        portal = cls.env.ref("base.group_portal")
        cls.user_a = users.create(
            {
                "login": "tenant_a",
                "password": "tenant_a",
                "partner_id": cls.contact_a.id,
                "group_ids": [(6, 0, portal.ids)],
            }
        )
        cls.user_b = users.create(
            {
                "login": "tenant_b",
                "password": "tenant_b",
                "partner_id": cls.contact_b.id,
                "group_ids": [(6, 0, portal.ids)],
            }
        )
        cls.env["res.lang"]._activate_lang("zh_CN")
        (cls.user_a | cls.user_b).lang = "zh_CN"
        cls.env["mall.credit.score"]._score_partners(cls.tenant_a | cls.tenant_b)


@tagged("post_install", "-at_install")
class TestPortalAccess(TransactionCase, PortalTenants):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._portal_tenants()

    def test_portal_user_cannot_read_another_tenant(self):
        partners = self.env["res.partner"].with_user(self.user_a)
        with self.assertRaises(AccessError):
            partners.browse(self.tenant_b.id).read(["name"])
        self.assertFalse(partners.search([("id", "in", (self.tenant_b | self.contact_b).ids)]))

    def test_portal_user_never_sees_a_credit_grade_not_even_its_own(self):
        own = self.env["res.partner"].with_user(self.user_a).browse(self.tenant_a.id)
        self.assertEqual(own.name, "上海悦禾商贸有限公司")
        with self.assertRaises(AccessError):
            own.read(["mall_credit_grade_id"])
        with self.assertRaises(AccessError):
            self.env["mall.credit.score"].with_user(self.user_a).search([])
        with self.assertRaises(AccessError):
            self.env["mall.credit.grade"].with_user(self.user_a).search([])

    def test_portal_user_sees_only_its_own_licence_requests(self):
        scan = b"%PDF-1.4 licence"
        mine = self.tenant_a._mall_portal_request_licence(scan, "a.pdf", False)
        self.tenant_b._mall_portal_request_licence(scan, "b.pdf", False)
        seen = self.env["mall.licence.request"].with_user(self.user_a).search([])
        self.assertEqual(seen, mine)

    def test_a_tenant_cannot_edit_another_tenants_contact(self):
        with self.assertRaisesRegex(UserError, "该联系人不属于贵公司"):
            self.tenant_a._mall_portal_save_contact(
                self.contact_b.id, {"name": "冒名", "phone": "110"}
            )
        self.assertEqual(self.contact_b.name, "李强")


@tagged("post_install", "-at_install")
class TestPortalPages(HttpCase, PortalTenants):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._portal_tenants()

    def test_tenant_page_shows_own_company_and_no_grade(self):
        self.authenticate("tenant_a", "tenant_a")
        page = self.url_open("/my/tenant")
        self.assertEqual(page.status_code, 200)
        self.assertIn("上海悦禾商贸有限公司", page.text)
        self.assertIn("13800000001", page.text)
        self.assertNotIn("北京云川", page.text)
        self.assertNotIn("13800000002", page.text)
        grade = self.tenant_a.mall_credit_grade_id.name
        self.assertTrue(grade)
        self.assertNotIn("credit grade", page.text.lower())
        self.assertNotIn("信用等级", page.text)

    def test_another_tenants_contact_is_not_found(self):
        self.authenticate("tenant_a", "tenant_a")
        page = self.url_open(f"/my/tenant/contact/{self.contact_b.id}")
        self.assertEqual(page.status_code, 404)
        page = self.url_open(
            f"/my/tenant/contact/{self.contact_b.id}",
            data={"name": "冒名", "phone": "110", "csrf_token": http.Request.csrf_token(self)},
        )
        self.assertEqual(page.status_code, 404)
        self.assertEqual(self.contact_b.phone, "13800000002")

    def test_tenant_edits_a_contact_and_uploads_a_licence_in_the_browser(self):
        self.start_tour("/my", "mall_tenant_portal_tour", login="tenant_a")
        self.assertEqual(self.contact_a.phone, "13900001111")
        request = self.env["mall.licence.request"].search([("partner_id", "=", self.tenant_a.id)])
        self.assertEqual(request.state, "pending")
        self.assertEqual(str(request.licence_expiry), "2031-06-30")
        self.assertEqual(request.requested_by_id, self.user_a)
        self.assertTrue(request.activity_ids, "leasing staff have a review to do")
        self.assertFalse(self.tenant_a.mall_has_licence, "applies only once staff approve")
