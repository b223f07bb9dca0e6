from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestViewsTour(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.mall = cls.env["mall.mall"].create({"name": "视图广场", "code": "VIEW"})
        cls.floor = cls.env["mall.floor"].create({"name": "1F", "mall_id": cls.mall.id})
        cls.unit = cls.env["mall.unit"].create({
            "code": "VIEW-001", "mall_id": cls.mall.id, "floor_id": cls.floor.id,
            "gross_area": 100.0, "leasable_area": 80.0})
        cls.standard = cls.env["mall.rent.standard"].create({
            "unit_id": cls.unit.id, "date_start": "2020-01-01", "price_month": 200.0,
            "reason": "首次定价"})
        cls.standard.action_approve()

    def test_every_view_of_the_addon_opens_in_the_browser(self):
        unit_action = "action-mall_leasing.action_mall_unit"
        # one of each kind: list, kanban, form with chatter, pivot, graph, client action
        urls = [
            f"/odoo/{unit_action}?view_type=kanban",
            f"/odoo/{unit_action}?view_type=graph",
            f"/odoo/{unit_action}/{self.unit.id}",
            f"/odoo/action-mall_leasing.action_mall_rent_standard/{self.standard.id}",
            "/odoo/action-mall_leasing.action_mall_rent_standard?view_type=pivot",
            f"/odoo/action-mall_leasing.action_mall_floor/{self.floor.id}",
            "/odoo/action-mall_leasing.action_mall_floor_occupancy",
            "/odoo/action-mall_leasing.action_mall_unit_state_history",
        ]
        for url in urls:
            with self.subTest(url=url):
                self.start_tour(url, "mall_leasing_view_smoke_tour", login="admin")

    def test_rent_calculator_from_a_unit(self):
        self.start_tour(f"/odoo/action-mall_leasing.action_mall_unit/{self.unit.id}",
                        "mall_leasing_rent_calculator_tour", login="admin")
