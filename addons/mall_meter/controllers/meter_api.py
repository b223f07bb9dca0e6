import json

from odoo import http
from odoo.addons.mall_billing.controllers.api_auth import BearerTokenMixin
from odoo.http import request

TOKEN_PARAMETER = "mall_billing.meter_api_token"


class MeterReadingApi(BearerTokenMixin, http.Controller):
    """Meter readings pushed by a collection system (远程抄表): POST a JSON list of
    {meter, date, value} (or {"readings": [...]}) with ``Authorization: Bearer <token>``; the
    answer has one result per line."""

    @http.route("/mall/api/meter_readings", type="http", auth="public", methods=["POST"],
                csrf=False, save_session=False)
    def meter_readings(self):
        if not self._bearer_token_ok(TOKEN_PARAMETER):
            return self._answer({"error": "unauthorized"}, 401)
        try:
            payload = json.loads(request.httprequest.get_data() or b"null")
        except ValueError:
            return self._answer({"error": "invalid JSON"}, 400)
        rows = payload.get("readings") if isinstance(payload, dict) else payload
        if not isinstance(rows, list) or not all(isinstance(row, dict) for row in rows):
            return self._answer({"error": "expected a list of {meter, date, value}"}, 400)
        results = request.env["mall.meter.reading"].sudo()._import_rows(rows)
        return self._answer({"results": results}, 200)
