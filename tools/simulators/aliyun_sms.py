#!/usr/bin/env python3
"""A local Chinese SMS gateway simulator speaking the Aliyun SMS RPC protocol (SendSms,
HMAC-SHA1 signature version 1.0) and pushing its delivery reports (SmsReport, "HTTP 批量推送"),
standard library only.

    python3 tools/simulators/aliyun_sms.py --port 8770 \
        --access-key-id SIMID --access-key-secret SIMSECRET --sign-name 星光广场 \
        --template-code SMS_000001 \
        [--report-url http://127.0.0.1:8069/sms_aliyun/report --auto-report 2]

Prints ``READY <port>`` once listening (``--port 0`` picks a free port). POST / (form) or GET /?…
with the signed parameters answers like the real gateway: ``{"Code": "OK", "BizId": …}`` or an
error code (SignatureDoesNotMatch, InvalidAccessKeyId.NotFound, isv.SMS_SIGNATURE_ILLEGAL,
isv.SMS_TEMPLATE_ILLEGAL, isv.MOBILE_NUMBER_ILLEGAL, isv.INVALID_JSON_PARAM).
With ``--auto-report N`` every accepted message is reported delivered N seconds later to the
report URL (what the Aliyun console's push address is to the real service).
Test controls:
  GET  /_sim/messages                  the messages accepted so far (JSON list);
  POST /_sim/control {"fail_next": n, "code": "isv.BUSINESS_LIMIT_CONTROL"}
                                       the next n messages are refused with that code;
  POST /_sim/control {"report_url": url, "auto_report": seconds}
                                       where and when reports are pushed (0: only on demand);
  POST /_sim/control {"reset": true}   forget messages and pending failures;
  POST /_sim/report {"out_id": …, "success": false, "err_code": "UNDELIV", "err_msg": …}
                                       push the report of one accepted message now (the last
                                       one without out_id) and answer what the receiver said.
"""

import argparse
import base64
import contextlib
import hashlib
import hmac
import json
import re
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def _encode(value):
    return urllib.parse.quote(str(value), safe="~")


def signature(params, secret, method):
    query = "&".join(f"{_encode(k)}={_encode(params[k])}" for k in sorted(params))
    to_sign = f"{method}&{_encode('/')}&{_encode(query)}"
    return base64.b64encode(
        hmac.new((secret + "&").encode(), to_sign.encode(), hashlib.sha1).digest()
    ).decode()


class Gateway:
    def __init__(self, key_id, secret, sign_name, template_code, report_url="", auto_report=0):
        self.key_id, self.secret = key_id, secret
        self.sign_name, self.template_code = sign_name, template_code
        self.report_url, self.auto_report = report_url, auto_report
        self.lock = threading.Lock()
        self.messages = []
        self.fail_count, self.fail_code = 0, "isv.BUSINESS_LIMIT_CONTROL"
        self.counter = 0

    def send(self, params, method):
        """(code, message, extra) of one SendSms call."""
        given = params.pop("Signature", "")
        if params.get("AccessKeyId") != self.key_id:
            return "InvalidAccessKeyId.NotFound", "Specified access key is not found.", {}
        if not hmac.compare_digest(given, signature(params, self.secret, method)):
            return "SignatureDoesNotMatch", "Specified signature is not matched.", {}
        if params.get("Action") != "SendSms" or params.get("Version") != "2017-05-25":
            return "InvalidAction.NotFound", "Specified action is not found.", {}
        if params.get("SignName") != self.sign_name:
            return "isv.SMS_SIGNATURE_ILLEGAL", "签名不合法", {}
        if params.get("TemplateCode") != self.template_code:
            return "isv.SMS_TEMPLATE_ILLEGAL", "模板不合法", {}
        numbers = (params.get("PhoneNumbers") or "").split(",")
        if not all(re.fullmatch(r"1[3-9]\d{9}", n) for n in numbers):
            return "isv.MOBILE_NUMBER_ILLEGAL", "非法手机号", {}
        try:
            template_param = json.loads(params.get("TemplateParam") or "{}")
        except ValueError:
            return "isv.INVALID_JSON_PARAM", "JSON参数不合法", {}
        with self.lock:
            if self.fail_count:
                self.fail_count -= 1
                return self.fail_code, "模拟发送失败", {}
            self.counter += 1
            biz_id = "%d^%d" % (int(time.time()), self.counter)
            accepted = [
                {
                    "phone": number,
                    "sign_name": params["SignName"],
                    "template_code": params["TemplateCode"],
                    "params": template_param,
                    "out_id": params.get("OutId", ""),
                    "biz_id": biz_id,
                    "send_time": time.strftime("%Y-%m-%d %H:%M:%S"),
                }
                for number in numbers
            ]
            self.messages += accepted
            delay = self.auto_report
        if delay and self.report_url:
            for message in accepted:
                timer = threading.Timer(delay, self._push_quietly, [message])
                timer.daemon = True
                timer.start()
        return "OK", "OK", {"BizId": biz_id}

    def report(self, message, success=True, err_code="DELIVERED", err_msg="用户接收成功"):
        """Push the delivery report of one accepted message, as Aliyun's HTTP push does:
        (HTTP status, body) of the receiver's answer."""
        body = json.dumps(
            [
                {
                    "phone_number": message["phone"],
                    "send_time": message["send_time"],
                    "report_time": time.strftime("%Y-%m-%d %H:%M:%S"),
                    "success": success,
                    "err_code": err_code,
                    "err_msg": err_msg,
                    "sms_size": "1",
                    "biz_id": message["biz_id"],
                    "out_id": message["out_id"],
                }
            ],
            ensure_ascii=False,
        ).encode()
        request = urllib.request.Request(
            self.report_url,
            data=body,
            method="POST",
            headers={"Content-Type": "application/json;charset=utf-8"},
        )
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()

    def _push_quietly(self, message):
        with contextlib.suppress(OSError):
            self.report(message)


def make_handler(gateway):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def _answer(self, payload, status=200):
            body = json.dumps(payload, ensure_ascii=False).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json;charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def _body(self):
            return self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode()

        def _rpc(self, params, method):
            params = {k: v[-1] for k, v in params.items()}
            code, message, extra = gateway.send(params, method)
            self._answer(
                {
                    "Code": code,
                    "Message": message,
                    "RequestId": hashlib.md5(repr(params).encode()).hexdigest(),
                    **extra,
                }
            )

        def do_GET(self):
            url = urllib.parse.urlsplit(self.path)
            if url.path == "/_sim/messages":
                with gateway.lock:
                    return self._answer(list(gateway.messages))
            return self._rpc(urllib.parse.parse_qs(url.query, keep_blank_values=True), "GET")

        def do_POST(self):
            url = urllib.parse.urlsplit(self.path)
            if url.path == "/_sim/control":
                control = json.loads(self._body() or "{}")
                with gateway.lock:
                    if control.get("reset"):
                        gateway.messages.clear()
                        gateway.fail_count = 0
                    if "fail_next" in control:
                        gateway.fail_count = int(control["fail_next"])
                        gateway.fail_code = control.get("code") or gateway.fail_code
                    if "report_url" in control:
                        gateway.report_url = control["report_url"]
                    if "auto_report" in control:
                        gateway.auto_report = float(control["auto_report"] or 0)
                return self._answer({"ok": True})
            if url.path == "/_sim/report":
                return self._push_report(json.loads(self._body() or "{}"))
            return self._rpc(urllib.parse.parse_qs(self._body(), keep_blank_values=True), "POST")

        def _push_report(self, wanted):
            with gateway.lock:
                found = [
                    m for m in gateway.messages if m["out_id"] == wanted.get("out_id", m["out_id"])
                ]
            if not found or not gateway.report_url:
                return self._answer({"error": "no such message or no report URL"}, status=404)
            status, body = gateway.report(
                found[-1],
                success=wanted.get("success", True),
                err_code=wanted.get("err_code", "DELIVERED"),
                err_msg=wanted.get("err_msg", "用户接收成功"),
            )
            return self._answer({"status": status, "body": body})

    return Handler


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8770)
    parser.add_argument("--access-key-id", default="SIMID")
    parser.add_argument("--access-key-secret", default="SIMSECRET")
    parser.add_argument("--sign-name", default="星光广场")
    parser.add_argument("--template-code", default="SMS_000001")
    parser.add_argument(
        "--report-url", default="", help="where delivery reports are pushed (SmsReport over HTTP)"
    )
    parser.add_argument(
        "--auto-report",
        type=float,
        default=0,
        metavar="SECONDS",
        help="report every accepted message delivered this much later",
    )
    args = parser.parse_args()
    gateway = Gateway(
        args.access_key_id,
        args.access_key_secret,
        args.sign_name,
        args.template_code,
        args.report_url,
        args.auto_report,
    )
    server = ThreadingHTTPServer((args.host, args.port), make_handler(gateway))
    sys.stdout.write("READY %s\n" % server.server_address[1])
    sys.stdout.flush()
    with contextlib.suppress(KeyboardInterrupt):
        server.serve_forever()


if __name__ == "__main__":
    main()
