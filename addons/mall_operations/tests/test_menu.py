from odoo.tests import HttpCase, tagged

SECTIONS = [
    "mall_leasing.menu_leasing",
    "mall_tenant.menu_tenant",
    "mall_contract.menu_contract",
    "mall_billing.menu_billing",
    "mall_einvoice.menu_einvoice",
    "mall_renovation.menu_renovation",
    "mall_helpdesk.menu_helpdesk",
    "mall_operations.menu_operations",
]


@tagged("post_install", "-at_install")
class TestSuiteMenu(HttpCase):
    def test_admin_sees_the_mall_app_with_a_section_per_addon(self):
        root = self.env.ref("mall_leasing.menu_mall_root")
        self.assertEqual(root.with_context(lang="zh_CN").name, "商场管理")
        children = root.child_id.mapped(lambda m: m.get_external_id()[m.id])
        self.assertTrue(set(SECTIONS) <= set(children))

    def test_admin_opens_the_mall_app_in_the_browser(self):
        self.env.ref("base.user_admin").lang = "zh_CN"
        self.start_tour("/odoo", "mall_menu_tour", login="admin")

    def test_login_page_speaks_chinese_when_the_browser_asks_for_it(self):
        response = self.url_open("/web/login", headers={"Accept-Language": "zh-CN,zh;q=0.9"})
        self.assertIn("登录", response.text)
