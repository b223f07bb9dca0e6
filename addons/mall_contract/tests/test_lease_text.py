from datetime import date

from odoo.exceptions import AccessError
from odoo.modules.module import load_script
from odoo.tests import tagged

from .common import MallLeaseCase

# The migration to 19.0.1.2.0, loaded by path as Odoo's upgrade loads it.
migration = load_script(
    "mall_contract/migrations/19.0.1.2.0/post-migration.py", "mall_contract_migration_19_0_1_2_0"
)


@tagged("post_install", "-at_install")
class TestLeaseText(MallLeaseCase):
    def test_placeholders_are_filled_and_escaped(self):
        self.tenant.name = "星光<script>"
        body = self._lease(deposit_lease=12345.6)._render_body()
        self.assertIn("星光&lt;script&gt;", body)
        self.assertNotIn("<script>", body)
        self.assertNotIn("t-out", body)
        # Amounts to the fen (half up) with thousands separators, labels in the tenant's
        # language, dates as ISO dates, an empty date as "-".
        self.assertIn("首期月租金人民币 30,000.00 元", body)
        self.assertIn("租赁保证金人民币 12,345.60 元", body)
        self.assertIn("租金模式：固定租金", body)
        self.assertIn("租赁期限自 2026-01-01 起至 2028-12-31 止", body)
        self.assertIn("出租方于 - 向承租方交付", body)
        self.assertIn("1F-101 (100.00 m², 300.00/m²/月)", body)

    def test_a_clerk_may_use_placeholders_but_not_qweb_code(self):
        lease = self._lease().with_user(self.clerk)
        lease.body = '<p>承租方：<t t-out="object.tenant_id.name"/></p>'
        self.assertIn("承租方：上海星光餐饮管理有限公司", lease._render_body())
        with self.assertRaisesRegex(AccessError, "占位符"):
            lease.body = '<p><t t-out="object.env.user.sudo().password"/></p>'
        with self.assertRaisesRegex(AccessError, "占位符"):
            lease.body = "<p t-if=\"object.env.cr.execute('select 1')\">x</p>"
        self.assertNotIn("password", lease.body)

    def test_only_a_template_editor_saves_qweb_code_in_a_template(self):
        code = '<p><t t-out="object.env.company.name"/></p>'
        with self.assertRaises(AccessError):
            self.template.with_user(self.manager).body = code
        self.template.with_user(
            self.manager
        ).body = '<p><t t-out="object.contract_monthly_rent"/></p>'
        editor = self._make_user(
            "lease_editor",
            ["mall_leasing.group_leasing_manager", "mail.group_mail_template_editor"],
        )
        self.template.with_user(editor).body = code
        self.assertIn(self.env.company.name, self._lease()._render_body())

    def test_amendment_snapshot_reads_the_terms(self):
        lease = self._lease(
            fee_ids=[(0, 0, {"fee_type": "property", "name": "物业费", "price": 25.5})]
        )
        snapshot = lease._terms_snapshot()
        self.assertIn("2026-01-01 – 2028-12-31", snapshot)
        self.assertIn("物业费 25.50", snapshot)
        self.assertIn("30,000.00", snapshot)

    def test_migration_converts_former_placeholders(self):
        lease = self._lease(start=date(2026, 3, 1))
        self.env.flush_all()
        old = "<p>{{tenant}} 自 {{ date_start }} 起，月租金 {{monthly_rent}} 元</p>"
        self.env.cr.execute("UPDATE mall_lease SET body = %s WHERE id = %s", [old, lease.id])
        migration.migrate(self.env.cr, "19.0.1.1.0")
        lease.invalidate_recordset(["body"])
        self.assertNotIn("{{", lease.body)
        self.assertIn(
            "上海星光餐饮管理有限公司 自 2026-03-01 起，月租金 30,000.00 元", lease._render_body()
        )
