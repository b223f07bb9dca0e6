from datetime import date

from odoo.tests import TransactionCase

# A 1×1 transparent PNG: what a drawn signature is to sign_oca.
SIGNATURE_PNG = (
    "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk"
    "YPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
)


class MallLeaseCase(TransactionCase):
    """A mall with two units, a Chinese tenant with a portal contact, a clerk, a leasing
    manager and a finance manager."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=False))
        cls.mall = cls.env["mall.mall"].create({"name": "测试广场", "code": "TSTC"})
        cls.floor = cls.env["mall.floor"].create({"name": "1F", "level": 1, "mall_id": cls.mall.id})
        cls.unit_a = cls._make_unit("1F-101")
        cls.unit_b = cls._make_unit("1F-102")
        cls.tenant = cls.env["res.partner"].create(
            {"name": "上海星光餐饮管理有限公司", "is_company": True, "lang": "zh_CN"}
        )
        cls.contact = cls.env["res.partner"].create(
            {"name": "王小明", "parent_id": cls.tenant.id, "email": "wang@example.com"}
        )
        cls.other_tenant = cls.env["res.partner"].create(
            {"name": "北京月亮服饰有限公司", "is_company": True}
        )
        cls.other_contact = cls.env["res.partner"].create(
            {"name": "李雷", "parent_id": cls.other_tenant.id, "email": "li@example.com"}
        )
        cls.clerk = cls._make_user("lease_clerk", ["mall_leasing.group_leasing_user"])
        cls.manager = cls._make_user("lease_manager", ["mall_leasing.group_leasing_manager"])
        cls.finance = cls._make_user("lease_finance", ["mall_leasing.group_finance_manager"])
        cls.portal_user = cls._make_user(
            "lease_portal", ["base.group_portal"], partner_id=cls.contact.id
        )
        cls.other_portal_user = cls._make_user(
            "lease_portal2", ["base.group_portal"], partner_id=cls.other_contact.id
        )
        cls.template = cls.env.ref("mall_contract.lease_template_standard")
        cls.env.company.mall_lease_value_threshold = 10000000.0

    @classmethod
    def _make_unit(cls, code, mall=None, floor=None):
        return cls.env["mall.unit"].create(
            {
                "code": code,
                "mall_id": (mall or cls.mall).id,
                "floor_id": (floor or cls.floor).id,
                "gross_area": 120.0,
                "leasable_area": 100.0,
                "usable_area": 95.0,
                "shared_area": 20.0,
            }
        )

    @classmethod
    def _make_user(cls, login, groups, **vals):
        return (
            cls.env["res.users"]
            .with_context(no_reset_password=True)
            .create(
                {
                    "login": login,
                    "name": login,
                    "email": f"{login}@example.com",
                    "group_ids": [(6, 0, [cls.env.ref(g).id for g in groups])],
                    **vals,
                }
            )
        )

    def _lease(
        self,
        units=None,
        start=date(2026, 1, 1),
        end=date(2028, 12, 31),
        price=300.0,
        tenant=None,
        **vals,
    ):
        units = units or self.unit_a
        return (
            self.env["mall.lease"]
            .with_user(self.clerk)
            .create(
                {
                    "mall_id": self.mall.id,
                    "tenant_id": (tenant or self.tenant).id,
                    "template_id": self.template.id,
                    "date_start": start,
                    "date_end": end,
                    "line_ids": [(0, 0, {"unit_id": unit.id, "price": price}) for unit in units],
                    **vals,
                }
            )
            .with_user(self.env.user)
        )

    def _approved(self, lease):
        """Submit and approve without the signature step."""
        lease.with_user(self.clerk).action_submit()
        lease.with_user(self.manager).with_context(mall_lease_no_signature=True).action_approve()
        return lease

    def _sign(self, signer, user):
        items = {
            key: dict(item, value=SIGNATURE_PNG)
            for key, item in signer.request_id.signatory_data.items()
        }
        return signer.with_user(user).action_sign(items)
