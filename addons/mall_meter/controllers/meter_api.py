import json

from odoo import http
from odoo.addons.mall_billing.lib.json_api import answer, api_env, error
from odoo.http import request


class MeterReadingApi(http.Controller):
    """Meter readings pushed by a collection system (远程抄表): POST a JSON list of
    {meter, date, value} (or {"readings": [...]}) with ``Authorization: Bearer <API key>`` of
    an integration user in the group *Meter API*; the answer has one result per line. The
    readings are written as that user: only meters of its company are found."""

    @http.route(
        "/mall/api/meter_readings",
        type="http",
        auth="bearer",
        methods=["POST"],
        csrf=False,
        save_session=False,
        mall_api=True,
    )
    def meter_readings(self):
        env = api_env()
        if not env.user.has_group("mall_meter.group_meter_api"):
            return error(env._("This API key may not post meter readings."), 403)
        try:
            payload = json.loads(request.httprequest.get_data() or b"null")
        except ValueError:
            return error(env._("The body is not valid JSON."), 400)
        rows = payload.get("readings") if isinstance(payload, dict) else payload
        if not isinstance(rows, list) or not all(isinstance(row, dict) for row in rows):
            return error(env._("Expected a list of {meter, date, value}."), 400)
        results = env["mall.meter.reading"]._import_rows(rows)
        return answer({"results": results})
