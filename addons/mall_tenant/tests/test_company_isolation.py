"""Credit scores, their lines, licence requests and brand tenancies belong to one company: a
user of another company sees none of them, even for a tenant shared between companies."""

import base64

from odoo.addons.mall_tenant.models.mall_demo_generator import LICENCE_PLACEHOLDER
from odoo.tests import tagged

from .common import TenantCase


@tagged("post_install", "-at_install")
class TestTenantCompanyIsolation(TenantCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_a = cls.env.company
        cls.company_b = cls.env["res.company"].create({"name": "杭州另一广场有限公司"})
        users = cls.env["res.users"].with_context(no_reset_password=True)
        manager = cls.env.ref("mall_leasing.group_leasing_manager")
        cls.user_a = users.create(
            {
                "login": "leasing_a",
                "name": "招商甲",
                "group_ids": [(6, 0, manager.ids)],
                "company_id": cls.company_a.id,
                "company_ids": [(6, 0, cls.company_a.ids)],
            }
        )
        cls.user_b = users.create(
            {
                "login": "leasing_b",
                "name": "招商乙",
                "group_ids": [(6, 0, manager.ids)],
                "company_id": cls.company_b.id,
                "company_ids": [(6, 0, cls.company_b.ids)],
            }
        )
        # shared between the companies, as most tenants are
        cls.tenant = cls._tenant(company_id=False)

    def _assert_only_company_a(self, model, domain):
        records = self.env[model].search(domain)
        self.assertTrue(records, model)
        self.assertEqual(records.company_id, self.company_a, model)
        self.assertEqual(self.env[model].with_user(self.user_a).search(domain), records, model)
        self.assertFalse(self.env[model].with_user(self.user_b).search(domain), model)

    def test_credit_scores_and_lines_stay_with_their_company(self):
        score = (
            self.env["mall.credit.score"].with_company(self.company_a)._score_partners(self.tenant)
        )
        self._assert_only_company_a("mall.credit.score", [("id", "=", score.id)])
        self._assert_only_company_a("mall.credit.score.line", [("score_id", "=", score.id)])

    def test_licence_requests_stay_with_their_company(self):
        request = self.tenant.with_company(self.company_a)._mall_portal_request_licence(
            base64.b64decode(LICENCE_PLACEHOLDER), "执照.png", False
        )
        self.assertEqual(request.company_id, self.company_a, "never empty for a shared tenant")
        self._assert_only_company_a("mall.licence.request", [("id", "=", request.id)])

    def test_brand_tenancies_follow_their_brand(self):
        brand = self.env["mall.brand"].create(
            {"name": "甲方专属品牌", "company_id": self.company_a.id}
        )
        self.env["mall.brand.tenancy"].create(
            {"brand_id": brand.id, "partner_id": self.tenant.id, "date_start": "2024-01-01"}
        )
        self._assert_only_company_a("mall.brand.tenancy", [("brand_id", "=", brand.id)])
