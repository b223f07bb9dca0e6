import importlib.util
import os

from odoo.tests import tagged

from .common import TenantCase

SCRIPT = os.path.join(
    os.path.dirname(os.path.dirname(__file__)), "migrations", "19.0.1.1.0", "post-migrate.py"
)


@tagged("post_install", "-at_install")
class TestMigration(TenantCase):
    def test_brand_text_becomes_brand_records_with_history(self):
        first, second = self._tenant("上海悦禾商贸有限公司"), self._tenant("上海悦禾二店有限公司")
        self.env.flush_all()
        # the 19.0.1.0.0 column, as an older database still has it
        self.cr.execute("ALTER TABLE res_partner ADD COLUMN mall_brand varchar")
        self.cr.execute(
            "UPDATE res_partner SET mall_brand = %s WHERE id IN %s",
            ["悦禾衣橱 ", (first.id, second.id)],
        )
        spec = importlib.util.spec_from_file_location("mall_tenant_post_migrate", SCRIPT)
        script = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(script)
        script.migrate(self.cr, "19.0.1.0.0")
        self.env.invalidate_all()
        brand = self.env["mall.brand"].search([("name", "=", "悦禾衣橱")])
        self.assertEqual(len(brand), 1, "tenants sharing a brand share the record")
        self.assertEqual(brand.partner_ids, first | second)
        self.assertEqual(first.mall_brand_ids, brand)
        self.cr.execute("""SELECT 1 FROM information_schema.columns
                           WHERE table_name = 'res_partner' AND column_name = 'mall_brand'""")
        self.assertFalse(self.cr.fetchone(), "the old column is gone")
