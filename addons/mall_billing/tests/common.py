from odoo.tests import TransactionCase


class BillingCase(TransactionCase):
    """A small mall of its own: one floor, three units, meters on them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.mall = cls.env["mall.mall"].create({"name": "测试广场", "code": "BTS"})
        cls.floor = cls.env["mall.floor"].create(
            {"name": "1F", "level": 1, "mall_id": cls.mall.id})
        cls.units = cls.env["mall.unit"].create([{
            "code": code, "mall_id": cls.mall.id, "floor_id": cls.floor.id,
            "gross_area": area * 1.2, "leasable_area": area, "usable_area": area * 0.9,
        } for code, area in (("B-001", 100.0), ("B-002", 100.0), ("B-003", 100.0))])
        cls.meter = cls.env["mall.meter"].create({
            "code": "E-B-001", "kind": "electricity", "mall_id": cls.mall.id,
            "unit_id": cls.units[0].id, "multiplier": 2.0, "unit_price": 1.05})

    @classmethod
    def _make_user(cls, login, groups):
        return cls.env["res.users"].with_context(no_reset_password=True).create({
            "login": login, "name": login,
            "group_ids": [(6, 0, [cls.env.ref(g).id for g in groups])],
        })

    def _readings(self, meter, values, start_month=1):
        return self.env["mall.meter.reading"].create([
            {"meter_id": meter.id, "date": f"2026-{start_month + i:02d}-01", "value": value}
            for i, value in enumerate(values)])
