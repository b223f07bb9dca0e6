from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestViewsTour(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.mall = cls.env["mall.mall"].create({"name": "视图广场", "code": "VIEW"})
        cls.floor = cls.env["mall.floor"].create({"name": "1F", "mall_id": cls.mall.id})
        cls.unit = cls.env["mall.unit"].create(
            {
                "code": "VIEW-001",
                "mall_id": cls.mall.id,
                "floor_id": cls.floor.id,
                "gross_area": 100.0,
                "leasable_area": 80.0,
            }
        )
        cls.standard = cls.env["mall.rent.standard"].create(
            {
                "unit_id": cls.unit.id,
                "date_start": "2020-01-01",
                "price_month": 200.0,
                "reason": "首次定价",
            }
        )
        cls.standard.action_approve()

    def test_every_view_of_the_addon_opens_in_the_browser(self):
        unit_action = "action-mall_leasing.action_mall_unit"
        # one of each kind: list, kanban, form with chatter, pivot, graph, client action; each
        # URL with the kind of view it must show (the tour fails on any other)
        urls = [
            (f"/odoo/{unit_action}?view_type=kanban", "kanban"),
            (f"/odoo/{unit_action}?view_type=graph", "graph"),
            (f"/odoo/{unit_action}/{self.unit.id}", "form"),
            (f"/odoo/action-mall_leasing.action_mall_rent_standard/{self.standard.id}", "form"),
            ("/odoo/action-mall_leasing.action_mall_rent_standard?view_type=pivot", "pivot"),
            (f"/odoo/action-mall_leasing.action_mall_floor/{self.floor.id}", "form"),
            ("/odoo/action-mall_leasing.action_mall_floor_occupancy", "list"),
            ("/odoo/action-mall_leasing.action_mall_unit_state_history", "list"),
            ("/odoo/action-mall_leasing.action_floor_plan", "floor_plan"),
        ]
        for url, kind in urls:
            with self.subTest(url=url):
                self.start_tour(url, f"mall_leasing_view_smoke_{kind}", login="admin")

    def test_the_smoke_tour_fails_on_a_broken_view(self):
        """The smoke tour proves something: the unit kanban, broken by a card template that
        fails while it is drawn, makes it fail; so does a view of another kind than the one
        asked for."""
        kanban = self.env.ref("mall_leasing.mall_unit_view_kanban")
        self.env["ir.ui.view"].create(
            {
                "name": "mall.unit.kanban broken on purpose",
                "model": "mall.unit",
                "inherit_id": kanban.id,
                "arch": '<field name="code" position="after">'
                '<span t-esc="record.code.value.mall_missing.boom"/></field>',
            }
        )
        url = "/odoo/action-mall_leasing.action_mall_unit?view_type=kanban"
        with self.assertRaises(AssertionError):
            self.start_tour(url, "mall_leasing_view_smoke_kanban", login="admin")
        # and a kind of view other than the one the URL opens
        with self.assertRaises(AssertionError):
            self.start_tour(
                f"/odoo/action-mall_leasing.action_mall_floor/{self.floor.id}",
                "mall_leasing_view_smoke_list",
                login="admin",
            )

    def test_rent_calculator_from_a_unit(self):
        self.start_tour(
            f"/odoo/action-mall_leasing.action_mall_unit/{self.unit.id}",
            "mall_leasing_rent_calculator_tour",
            login="admin",
        )
