from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import TenantCase


@tagged("post_install", "-at_install")
class TestAccess(TenantCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.leasing = new_test_user(cls.env, "t_leasing", groups="mall_leasing.group_leasing_user")
        cls.finance = new_test_user(cls.env, "t_finance", groups="mall_leasing.group_finance_user")

    def test_leasing_clerk_records_a_tenant_and_scores_it(self):
        env = self.env(user=self.leasing)
        tenant = env["res.partner"].create(
            {
                "name": "苏州橙森商贸有限公司",
                "is_company": True,
                "mall_tenant_stage": "active",
                "mall_legal_representative": "周杰",
            }
        )
        brand = env["mall.brand"].create({"name": "橙森优品"})
        env["mall.brand.tenancy"].create({"brand_id": brand.id, "partner_id": tenant.id})
        env["res.partner.bank"].create({"acc_number": "6222000011112222", "partner_id": tenant.id})
        tenant.action_mall_compute_credit()
        self.assertTrue(tenant.mall_credit_grade_id)
        self.assertEqual(tenant.mall_brand_ids, brand)

    def test_finance_reads_grades_but_cannot_change_the_rules(self):
        tenant = self._tenant()
        tenant.action_mall_compute_credit()
        own = tenant.with_user(self.finance)
        self.assertEqual(own.mall_credit_grade_id.name, tenant.mall_credit_grade_id.name)
        self.assertIn("deposit_multiplier", own._mall_credit_policy())
        factor = self.env.ref("mall_tenant.credit_factor_tenure").with_user(self.finance)
        with self.assertRaises(AccessError):
            factor.weight = 99
        with self.assertRaises(AccessError):
            tenant.mall_credit_score_id.with_user(self.leasing).unlink()
