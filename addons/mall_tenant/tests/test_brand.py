from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import TenantCase


@tagged("post_install", "-at_install")
class TestBrand(TenantCase):
    def test_a_brand_passes_from_one_tenant_to_another(self):
        old, new = self._tenant("旧公司"), self._tenant("新公司")
        brand = self.env["mall.brand"].create({"name": "悦禾"})
        self.env["mall.brand.tenancy"].create(
            [
                {
                    "brand_id": brand.id,
                    "partner_id": old.id,
                    "date_start": "2019-01-01",
                    "date_end": "2022-12-31",
                },
                {"brand_id": brand.id, "partner_id": new.id, "date_start": "2023-01-01"},
            ]
        )
        self.assertEqual(brand.partner_ids, new)
        self.assertFalse(old.mall_brand_ids)
        self.assertEqual(new.mall_brand_ids, brand)
        self.assertEqual(len(brand.tenancy_ids), 2, "the history keeps the former operator")
        found = self.env["res.partner"].search([("mall_brand_ids", "in", brand.ids)])
        self.assertEqual(found, new)

    def test_overlapping_tenancies_of_the_same_tenant_are_refused(self):
        tenant = self._tenant()
        brand = self.env["mall.brand"].create({"name": "禾云"})
        self.env["mall.brand.tenancy"].create(
            {"brand_id": brand.id, "partner_id": tenant.id, "date_start": "2020-01-01"}
        )
        with self.assertRaisesRegex(ValidationError, "已经经营品牌"):
            self.env["mall.brand.tenancy"].create(
                {"brand_id": brand.id, "partner_id": tenant.id, "date_start": "2024-01-01"}
            )
