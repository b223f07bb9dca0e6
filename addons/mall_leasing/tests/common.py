from odoo.tests import TransactionCase


class MallLeasingCase(TransactionCase):
    """A small mall of its own: one floor, two units, so that tests do not depend on the demo."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.mall = cls.env["mall.mall"].create({"name": "测试广场", "code": "TST"})
        cls.floor = cls.env["mall.floor"].create({"name": "1F", "level": 1, "mall_id": cls.mall.id})
        cls.food = cls.env.ref("mall_leasing.category_food")
        cls.retail = cls.env.ref("mall_leasing.category_retail")
        cls.unit_a = cls._make_unit("1F-001", category_id=cls.food.id)
        cls.unit_b = cls._make_unit("1F-002", category_id=cls.retail.id, plan_x=20.0)

    @classmethod
    def _make_unit(cls, code, **vals):
        return cls.env["mall.unit"].create(
            {
                "code": code,
                "mall_id": cls.mall.id,
                "floor_id": cls.floor.id,
                "gross_area": 100.0,
                "leasable_area": 85.0,
                "usable_area": 80.0,
                "shared_area": 15.0,
                "plan_x": 0.0,
                "plan_y": 0.0,
                "plan_width": 10.0,
                "plan_height": 12.0,
                **vals,
            }
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

    def _standard(self, unit, date_start, price, date_end=False, approve=True, reason="测试"):
        standard = self.env["mall.rent.standard"].create(
            {
                "unit_id": unit.id,
                "date_start": date_start,
                "date_end": date_end,
                "price_month": price,
                "reason": reason,
            }
        )
        if approve:
            standard.action_approve()
        return standard
