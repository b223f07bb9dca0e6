"""19.0.1.1.0 adds the floor plan geometry and the status history of units: databases made
before get a generated plan for the units without geometry and a first history row for the
units without history, so that the floor plan and the history are not empty."""

from odoo import SUPERUSER_ID, api
from odoo.addons.mall_leasing.models.mall_unit import shelf_layout


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    units = env["mall.unit"].with_context(active_test=False)
    to_place = units.search([("plan_width", "=", 0)], order="floor_id, code")
    geometry = shelf_layout([(u.floor_id.id, u.unit_type, u.gross_area) for u in to_place])
    for unit, (x, y, width, height) in zip(to_place, geometry, strict=True):
        unit.write({"plan_x": x, "plan_y": y, "plan_width": width, "plan_height": height})
    cr.execute(
        "SELECT id, state FROM mall_unit u WHERE NOT EXISTS "
        "(SELECT 1 FROM mall_unit_state_history h WHERE h.unit_id = u.id)"
    )
    env["mall.unit.state.history"].create(
        [
            {"unit_id": unit_id, "from_state": False, "to_state": state}
            for unit_id, state in cr.fetchall()
        ]
    )
