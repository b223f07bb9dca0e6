from werkzeug.exceptions import RequestEntityTooLarge

from odoo import http
from odoo.addons.mall_billing.lib.json_api import answer, api_env, error
from odoo.exceptions import ValidationError
from odoo.http import request

from ..lib.reading_input import loads, parse_code

# Largest body accepted, checked before it is read; and most readings in one call.
MAX_BODY = 1024 * 1024
MAX_ROWS = 5000


class MeterReadingApi(http.Controller):
    """Meter readings pushed by a collection system (远程抄表): POST a JSON list of
    {mall, meter, date, value} (or {"mall": code, "readings": [...]}) with
    ``Authorization: Bearer <API key>`` of an integration user in the group *Meter API*. A
    meter number is unique in a mall only: a number used in several malls needs the mall
    code. The answer has one result per line; a malformed body or line (not strict JSON,
    ``NaN``, infinities, negative or text values, wrong types) is refused as a whole with a
    400 and nothing is written. The readings are written as that user: only meters of its
    company are found."""

    @http.route(
        "/mall/api/meter_readings",
        type="http",
        auth="bearer",
        methods=["POST"],
        csrf=False,
        save_session=False,
        mall_api=True,
        # above our own limit, so that a declared length up to it gets our JSON answer (beyond,
        # werkzeug answers a plain 413 before reading); a body
        # without a declared length stops reading there
        max_content_length=8 * MAX_BODY,
    )
    def meter_readings(self):
        env = api_env()
        if not env.user.has_group("mall_meter.group_meter_api"):
            return error(env._("This API key may not post meter readings."), 403)
        httprequest = request.httprequest
        too_large = env._("The body is larger than %(size)s KB.", size=MAX_BODY // 1024)
        if (httprequest.content_length or 0) > MAX_BODY:
            return error(too_large, 413)
        try:
            data = httprequest.get_data()  # a body without a length stops at max_content_length
        except RequestEntityTooLarge:
            return error(too_large, 413)
        if len(data) > MAX_BODY:
            return error(too_large, 413)
        try:
            payload = loads(data or b"null")
        except (ValueError, TypeError):
            return error(env._("The body is not valid JSON."), 400)
        mall = ""
        if isinstance(payload, dict):
            rows = payload.get("readings")
            try:
                mall = parse_code(env, payload.get("mall"), env._("The mall code"))
            except ValidationError as refused:
                return error(refused.args[0], 400)
        else:
            rows = payload
        if not isinstance(rows, list) or not all(isinstance(row, dict) for row in rows):
            return error(env._("Expected a list of {mall, meter, date, value}."), 400)
        if len(rows) > MAX_ROWS:
            return error(env._("At most %(count)s readings in one call.", count=MAX_ROWS), 413)
        if mall:
            rows = [{"mall": mall, **row} for row in rows]
        Reading = env["mall.meter.reading"]
        wrong = [(line, message) for line, row, message in Reading._parse_rows(rows) if not row]
        if wrong:
            return answer(
                {
                    "error": env._("Nothing was written: some readings are malformed."),
                    "results": [
                        {"line": line, "status": "error", "message": message, "id": False}
                        for line, message in wrong
                    ],
                },
                400,
            )
        return answer({"results": Reading._import_rows(rows)})
