"""Who may change a tenant's contacts from the portal: each user its own contact, the tenant's
administrator contact the others; nobody a portal login's e-mail (password resets go there)."""

from odoo import http
from odoo.exceptions import UserError
from odoo.tests import HttpCase, tagged

from .test_portal import PortalTenants


@tagged("post_install", "-at_install")
class TestPortalContactRights(HttpCase, PortalTenants):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._portal_tenants()
        cls.contact_a.email = "wangfang@example.com"
        # a colleague of 王芳 with a portal login of its own, and the tenant's administrator
        cls.colleague = cls.env["res.partner"].create(
            {
                "name": "赵磊",
                "parent_id": cls.tenant_a.id,
                "email": "zhaolei@example.com",
                "phone": "13800000003",
            }
        )
        cls.admin_contact = cls.env["res.partner"].create(
            {
                "name": "陈静",
                "parent_id": cls.tenant_a.id,
                "email": "chenjing@example.com",
                "mall_portal_admin": True,
            }
        )
        users = cls.env["res.users"].with_context(no_reset_password=True)
        portal = cls.env.ref("base.group_portal")
        cls.colleague_user = users.create(
            {
                "login": "zhaolei@example.com",
                "password": "tenant_a2",
                "lang": "zh_CN",
                "partner_id": cls.colleague.id,
                "group_ids": [(6, 0, portal.ids)],
            }
        )
        cls.admin_user = users.create(
            {
                "login": "tenant_admin",
                "password": "tenant_admin",
                "lang": "zh_CN",
                "partner_id": cls.admin_contact.id,
                "group_ids": [(6, 0, portal.ids)],
            }
        )

    def _post_contact(self, contact, **values):
        form = {f: contact[f] or "" for f in ("name", "function", "phone", "email")}
        return self.url_open(
            f"/my/tenant/contact/{contact.id if contact else 'new'}",
            data={**form, **values, "csrf_token": http.Request.csrf_token(self)},
        )

    def test_a_user_cannot_change_a_colleagues_email(self):
        self.authenticate("tenant_a", "tenant_a")
        response = self._post_contact(self.colleague, email="attacker@example.com")
        self.assertEqual(response.status_code, 200)
        self.assertIn("只有贵公司的管理员联系人才能修改其他联系人", response.text)
        self.assertEqual(self.colleague.email, "zhaolei@example.com")
        # and the page offers no way to try: no edit link for the colleague, no add button
        page = self.url_open("/my/tenant")
        self.assertIn(f"/my/tenant/contact/{self.contact_a.id}", page.text)
        self.assertNotIn(f"/my/tenant/contact/{self.colleague.id}", page.text)
        self.assertNotIn("/my/tenant/contact/new", page.text)
        self.assertEqual(self.url_open(f"/my/tenant/contact/{self.colleague.id}").status_code, 404)

    def test_a_user_cannot_add_contacts(self):
        self.authenticate("tenant_a", "tenant_a")
        response = self.url_open(
            "/my/tenant/contact/new",
            data={"name": "新人", "csrf_token": http.Request.csrf_token(self)},
        )
        self.assertIn("只有贵公司的管理员联系人才能添加联系人", response.text)
        self.assertFalse(self.env["res.partner"].search([("name", "=", "新人")]))

    def test_a_user_edits_its_own_contact_but_not_its_login_email(self):
        self.authenticate("tenant_a", "tenant_a")
        response = self._post_contact(self.contact_a, phone="13911112222")
        self.assertIn("message=contact_saved", response.url)
        self.assertEqual(self.contact_a.phone, "13911112222")
        response = self._post_contact(self.contact_a, email="elsewhere@example.com")
        self.assertEqual(response.status_code, 200)
        self.assertIn("请联系商场招商部修改", response.text)
        self.assertEqual(self.contact_a.email, "wangfang@example.com")

    def test_the_administrator_edits_others_but_never_a_login_email(self):
        self.authenticate("tenant_admin", "tenant_admin")
        response = self._post_contact(self.colleague, phone="13700000000")
        self.assertIn("message=contact_saved", response.url)
        self.assertEqual(self.colleague.phone, "13700000000")
        response = self._post_contact(self.colleague, email="attacker@example.com")
        self.assertIn("赵磊 使用此邮箱登录门户", response.text)
        self.assertEqual(self.colleague.email, "zhaolei@example.com")
        self.assertEqual(self.colleague_user.email, "zhaolei@example.com")
        # a contact without a login has an e-mail the administrator keeps up to date
        contact = self.env["res.partner"].create(
            {"name": "孙悦", "parent_id": self.tenant_a.id, "email": "sun@example.com"}
        )
        self._post_contact(contact, email="sunyue@example.com")
        self.assertEqual(contact.email, "sunyue@example.com")
        response = self.url_open(
            "/my/tenant/contact/new",
            data={"name": "新人", "csrf_token": http.Request.csrf_token(self)},
        )
        self.assertIn("message=contact_saved", response.url)
        self.assertEqual(
            self.env["res.partner"].search([("name", "=", "新人")]).parent_id, self.tenant_a
        )

    def test_an_administrator_of_another_tenant_has_no_say(self):
        self.admin_contact.parent_id = self.tenant_b
        with self.assertRaisesRegex(UserError, "只有贵公司的管理员联系人"):
            self.tenant_a.with_user(self.admin_user).sudo()._mall_portal_save_contact(
                self.colleague.id, {"name": "赵磊", "phone": "110"}
            )
        self.assertEqual(self.colleague.phone, "13800000003")
