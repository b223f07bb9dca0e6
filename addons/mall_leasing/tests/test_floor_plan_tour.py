from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestFloorPlanTour(HttpCase):
    def test_floor_plan_colours_units_by_status_and_opens_them(self):
        mall = self.env["mall.mall"].create({"name": "导览广场", "code": "TOUR"})
        floor = self.env["mall.floor"].create({"name": "1F", "mall_id": mall.id})
        units = self.env["mall.unit"].create(
            [
                {
                    "code": f"TOUR-00{n}",
                    "mall_id": mall.id,
                    "floor_id": floor.id,
                    "gross_area": 100.0,
                    "leasable_area": 80.0,
                    "plan_x": 12.0 * n,
                    "plan_y": 0.0,
                    "plan_width": 10.0,
                    "plan_height": 12.0,
                }
                for n in (1, 2, 3)
            ]
        )
        units[0].category_id = self.env.ref("mall_leasing.category_food")
        units[1]._set_state("open", "开业")
        units[2]._set_state("reserved", "意向")
        action = self.env["ir.actions.client"].create(
            {
                "name": "Floor Plan",
                "tag": "mall_leasing.floor_plan",
                "params": {"floor_id": floor.id},
            }
        )
        self.start_tour(f"/odoo/action-{action.id}", "mall_leasing_floor_plan_tour", login="admin")
