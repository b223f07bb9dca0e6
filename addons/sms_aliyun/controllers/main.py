import json
import logging

from odoo.http import Controller, request, route

_logger = logging.getLogger(__name__)


class SmsAliyunController(Controller):
    @route(
        "/sms_aliyun/report",
        type="http",
        auth="public",
        methods=["POST"],
        csrf=False,
        save_session=False,
    )
    def sms_aliyun_report(self):
        """Aliyun's delivery reports (SmsReport, "HTTP 批量推送"): a JSON array; Aliyun
        retries until it reads ``{"code": 0}``, so a malformed body is the only refusal."""
        try:
            reports = json.loads(request.httprequest.get_data() or b"[]")
        except (ValueError, RecursionError):  # nested deeper than Python's stack: refused too
            reports = None
        if not isinstance(reports, list):
            _logger.warning("Aliyun SMS: ill-formed delivery report body")
            return request.make_json_response({"code": 1, "msg": "bad request"}, status=400)
        request.env["sms.sms"].sudo()._sms_aliyun_process_reports(reports)
        return request.make_json_response({"code": 0, "msg": "接收成功"})
