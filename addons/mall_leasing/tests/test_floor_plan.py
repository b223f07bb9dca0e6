import base64
import json

from odoo.addons.mall_leasing.models.mall_unit import FLOOR_PLAN_CHANNEL, STATE_COLORS
from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import MallLeasingCase

GOOD_SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 50">'
    b'<rect id="1F-001" x="0" y="0" width="40" height="50"/>'
    b'<rect data-unit="1F-002" x="50" y="0" width="40" height="50"/></svg>'
)


def b64(data):
    return base64.b64encode(data)


@tagged("post_install", "-at_install")
class TestFloorPlan(MallLeasingCase):
    def test_plan_data_has_every_unit_with_its_status_and_price(self):
        self.unit_a._set_state("open", "开业")
        self._standard(self.unit_a, "2020-01-01", 300.0)
        data = self.floor.get_floor_plan_data()
        units = {u["code"]: u for u in data["units"]}
        self.assertEqual(set(units), {"1F-001", "1F-002"})
        self.assertEqual(units["1F-001"]["state"], "open")
        self.assertEqual(units["1F-001"]["rent_price"], 300.0)
        self.assertEqual(units["1F-001"]["tenant"], "")
        self.assertEqual(units["1F-002"]["x"], 20.0)
        legend = {s["key"]: s["color"] for s in data["states"]}
        self.assertEqual(legend, STATE_COLORS)
        self.assertEqual(data["svg"], "")

    def _floor_plan_messages(self):
        self.env.cr.precommit.run()  # what the commit would write to the bus
        messages = [json.loads(n.message) for n in self.env["bus.bus"].sudo().search([])]
        return [m["payload"] for m in messages if m["type"] == FLOOR_PLAN_CHANNEL]

    def test_a_status_change_tells_the_open_floor_plans_through_the_bus(self):
        """Open plans redraw when told, instead of polling every few seconds."""
        self._floor_plan_messages()
        self.env["bus.bus"].sudo().search([]).unlink()
        self.unit_a._set_state("reserved", "意向")
        self.assertEqual(self._floor_plan_messages(), [{"floor_ids": [self.floor.id]}])
        self.env["bus.bus"].sudo().search([]).unlink()
        self.unit_a.note = "只改备注"  # a field the plan does not show: no message
        self.assertEqual(self._floor_plan_messages(), [])

    def test_plan_data_is_one_batch_for_many_units(self):
        self.env["mall.unit"].create(
            [
                {
                    "code": f"1F-{n:03d}",
                    "mall_id": self.mall.id,
                    "floor_id": self.floor.id,
                    "gross_area": 50.0,
                    "leasable_area": 40.0,
                }
                for n in range(100, 400)
            ]
        )
        self.floor.invalidate_recordset()
        self.env.invalidate_all()
        with self.assertQueryCount(__system__=30):
            data = self.floor.get_floor_plan_data()
        self.assertEqual(len(data["units"]), 302)

    def test_svg_plan_is_accepted_and_served(self):
        self.floor.write({"plan_svg": b64(GOOD_SVG), "plan_svg_filename": "1F.svg"})
        self.assertIn('data-unit="1F-002"', self.floor.get_floor_plan_data()["svg"])
        # the periodic refresh does not send the drawing again
        self.assertIsNone(self.floor.get_floor_plan_data(with_svg=False)["svg"])

    def test_a_file_that_is_not_an_svg_is_refused_and_nothing_changes(self):
        self.floor.write({"plan_svg": b64(GOOD_SVG)})
        with self.assertRaisesRegex(ValidationError, "不是可读取的 XML"), self.env.cr.savepoint():
            self.floor.write({"plan_svg": b64(b"%PDF-1.4 not a drawing")})
        with self.assertRaisesRegex(ValidationError, "而不是 <svg>"), self.env.cr.savepoint():
            self.floor.write({"plan_svg": b64(b"<html><body/></html>")})
        self.assertIn(b"1F-002", base64.b64decode(self.floor.plan_svg))

    def test_an_svg_with_scripts_is_refused(self):
        for bad in (
            b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
            b'<svg xmlns="http://www.w3.org/2000/svg"><rect onclick="alert(1)"/></svg>',
            b'<svg xmlns="http://www.w3.org/2000/svg" '
            b'xmlns:x="http://www.w3.org/1999/xlink"><a x:href="javascript:alert(1)">'
            b"<rect/></a></svg>",
        ):
            with self.assertRaisesRegex(ValidationError, "不能包含脚本"), self.env.cr.savepoint():
                self.floor.write({"plan_svg": b64(bad)})
        self.assertFalse(self.floor.plan_svg)

    def test_floor_plan_action_opens_the_floor(self):
        action = self.unit_a.action_open_floor_plan()
        self.assertEqual(action["tag"], "mall_leasing.floor_plan")
        self.assertEqual(action["params"], {"floor_id": self.floor.id})
