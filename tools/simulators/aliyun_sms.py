#!/usr/bin/env python3
"""A local Chinese SMS gateway simulator speaking the Aliyun SMS RPC protocol (SendSms,
HMAC-SHA1 signature version 1.0), standard library only.

    python3 tools/simulators/aliyun_sms.py --port 8770 \
        --access-key-id SIMID --access-key-secret SIMSECRET --sign-name 星光广场 \
        --template-code SMS_000001

Prints ``READY <port>`` once listening (``--port 0`` picks a free port). POST / (form) or GET /?…
with the signed parameters answers like the real gateway: ``{"Code": "OK", "BizId": …}`` or an
error code (SignatureDoesNotMatch, InvalidAccessKeyId.NotFound, isv.SMS_SIGNATURE_ILLEGAL,
isv.SMS_TEMPLATE_ILLEGAL, isv.MOBILE_NUMBER_ILLEGAL, isv.INVALID_JSON_PARAM).
Test controls:
  GET  /_sim/messages                  the messages accepted so far (JSON list);
  POST /_sim/control {"fail_next": n, "code": "isv.BUSINESS_LIMIT_CONTROL"}
                                       the next n messages are refused with that code;
  POST /_sim/control {"reset": true}   forget messages and pending failures.
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
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def _encode(value):
    return urllib.parse.quote(str(value), safe="~")


def signature(params, secret, method):
    query = "&".join(f"{_encode(k)}={_encode(params[k])}" for k in sorted(params))
    to_sign = f"{method}&{_encode('/')}&{_encode(query)}"
    return base64.b64encode(
        hmac.new((secret + "&").encode(), to_sign.encode(), hashlib.sha1).digest()).decode()


class Gateway:
    def __init__(self, key_id, secret, sign_name, template_code):
        self.key_id, self.secret = key_id, secret
        self.sign_name, self.template_code = sign_name, template_code
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
            for number in numbers:
                self.messages.append({
                    "phone": number, "sign_name": params["SignName"],
                    "template_code": params["TemplateCode"], "params": template_param,
                    "out_id": params.get("OutId", ""), "biz_id": biz_id,
                })
        return "OK", "OK", {"BizId": biz_id}


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
            self._answer({"Code": code, "Message": message,
                          "RequestId": hashlib.md5(repr(params).encode()).hexdigest(), **extra})

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
                return self._answer({"ok": True})
            return self._rpc(urllib.parse.parse_qs(self._body(), keep_blank_values=True), "POST")

    return Handler


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8770)
    parser.add_argument("--access-key-id", default="SIMID")
    parser.add_argument("--access-key-secret", default="SIMSECRET")
    parser.add_argument("--sign-name", default="星光广场")
    parser.add_argument("--template-code", default="SMS_000001")
    args = parser.parse_args()
    gateway = Gateway(args.access_key_id, args.access_key_secret, args.sign_name,
                      args.template_code)
    server = ThreadingHTTPServer((args.host, args.port), make_handler(gateway))
    sys.stdout.write("READY %s\n" % server.server_address[1])
    sys.stdout.flush()
    with contextlib.suppress(KeyboardInterrupt):
        server.serve_forever()


if __name__ == "__main__":
    main()
