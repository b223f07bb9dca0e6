from odoo.tests import TransactionCase


class BillingCase(TransactionCase):
    """A small mall of its own: one floor, three units."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.mall = cls.env["mall.mall"].create({"name": "测试广场", "code": "BTS"})
        cls.floor = cls.env["mall.floor"].create({"name": "1F", "level": 1, "mall_id": cls.mall.id})
        cls.units = cls.env["mall.unit"].create(
            [
                {
                    "code": code,
                    "mall_id": cls.mall.id,
                    "floor_id": cls.floor.id,
                    "gross_area": area * 1.2,
                    "leasable_area": area,
                    "usable_area": area * 0.9,
                }
                for code, area in (("B-001", 100.0), ("B-002", 100.0), ("B-003", 100.0))
            ]
        )

    @classmethod
    def _make_user(cls, login, groups):
        return (
            cls.env["res.users"]
            .with_context(no_reset_password=True)
            .create(
                {
                    "login": login,
                    "name": login,
                    "group_ids": [(6, 0, [cls.env.ref(g).id for g in groups])],
                }
            )
        )


class ReceivableCase(BillingCase):
    """Tenants and a helper making leases in force with their receivable schedule."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.tenant = cls.env["res.partner"].create(
            {"name": "上海星光餐饮管理有限公司", "is_company": True}
        )
        cls.other_tenant = cls.env["res.partner"].create(
            {"name": "北京月亮服饰有限公司", "is_company": True}
        )
        cls.env.company.mall_billing_start_date = False
        cls.env.company.mall_billing_separate_rent = True
        cls.charges = cls.env["mall.charge.type"]._by_lease_term()

    def _lease(
        self,
        unit=None,
        start="2026-01-15",
        end="2026-12-31",
        price=300.0,
        fees=(),
        tenant=None,
        **vals,
    ):
        lease = self.env["mall.lease"]._demo_create_active(
            [
                {
                    "mall_id": self.mall.id,
                    "tenant_id": (tenant or self.tenant).id,
                    "date_start": start,
                    "date_end": end,
                    "due_day": 5,
                    "line_ids": [
                        (
                            0,
                            0,
                            {
                                "unit_id": (unit or self.units[0]).id,
                                "leasable_area": (unit or self.units[0]).leasable_area,
                                "price": price,
                            },
                        )
                    ],
                    "fee_ids": [
                        (0, 0, {"fee_type": fee_type, "price": fee_price, "billing_cycle": cycle})
                        for fee_type, fee_price, cycle in fees
                    ],
                    **vals,
                }
            ]
        )
        lease._on_lease_activated()
        return lease

    def _amounts(self, lease, term="rent", source=None):
        recs = lease.receivable_ids.filtered(
            lambda r: (
                r.charge_type_id == self.charges[term]
                and r.state != "cancelled"
                and (not source or r.source == source)
            )
        ).sorted("period_start")
        return [(str(r.period_start), str(r.period_end), str(r.due_date), r.amount) for r in recs]
