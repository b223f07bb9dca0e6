import random

from odoo.addons.mall_tenant.models.mall_demo_generator import LICENCE_PLACEHOLDER, make_uscc
from odoo.tests import TransactionCase


class TenantCase(TransactionCase):
    """Tenants with valid, distinct 统一社会信用代码."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.rng = random.Random("mall_tenant tests")
        cls.category = cls.env["mall.category"].create({"name": "测试零售", "code": "t_retail"})

    @classmethod
    def _tenant(cls, name="上海悦禾商贸有限公司", **vals):
        return cls.env["res.partner"].create(
            {
                "name": name,
                "is_company": True,
                "mall_uscc": make_uscc(cls.rng),
                "mall_tenant_stage": "active",
                **vals,
            }
        )

    @classmethod
    def _complete_tenant(cls, name, **vals):
        """A tenant whose profile is complete and whose licence is valid."""
        tenant = cls._tenant(
            name,
            mall_legal_representative="王伟",
            mall_registered_address="上海市世纪大道1号",
            mall_licence_file=LICENCE_PLACEHOLDER,
            mall_licence_filename="营业执照.png",
            mall_category_id=cls.category.id,
            **vals,
        )
        brand = cls.env["mall.brand"].create({"name": f"{name}品牌"})
        cls.env["mall.brand.tenancy"].create(
            {"brand_id": brand.id, "partner_id": tenant.id, "date_start": "2020-01-01"}
        )
        cls.env["res.partner"].create({"name": "李娜", "parent_id": tenant.id})
        cls.env["res.partner.bank"].create(
            {"acc_number": f"6222{tenant.id:012d}", "partner_id": tenant.id}
        )
        return tenant
