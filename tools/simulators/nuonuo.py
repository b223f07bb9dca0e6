#!/usr/bin/env python3
"""A local 诺诺 open-platform simulator (docs/fapiao.md §10), standard library only.

    python3 tools/simulators/nuonuo.py --port 8769 \
        --app-key SIMKEY --app-secret SIMSECRET --delay 2

Prints ``READY <port>`` once listening (``--port 0`` picks a free port). Speaks the same protocol
as the real platform: form POST /accessToken, signed POST /open/v1/services. Issues move
20 → 2 after ``--delay`` seconds. Test controls (POST /_sim/control, JSON):
  {"fail_next": "22" | "24"}  the next accepted issue fails (22 开票失败 / 24 签章失败);
  {"drop_next": n}            the next n service calls are processed but the connection is closed
                              without an answer (the call succeeded, the client cannot know);
  {"hang_next": n}            the next n service calls are answered only after ``--hang`` seconds;
  {"advance_hours": h}        moves the simulated clock (红字确认单 auto-void after 72 h);
  {"buyer_confirmed": [blue numbers]} the buyer confirmed these, so red forms need confirming;
  {"buyer_answer": {billId: "1" | "0"}}  the buyer agrees to (04) or refuses (05) a form;
  {"buyer_raise": blue number}  the buyer raises a form (03); the answer carries its billId;
  {"expire_tokens": true}     every access token handed out so far expires;
  {"drop_rate": 0.01}         that share of issue calls loses its answer (seeded, repeatable);
  {"callbacks": "auto" | "manual" | "drop"}  results are pushed to the order's callBackUrl
                              after the delay (auto, the default), kept until
                              {"flush_callbacks": true} delivers them, or lost (drop);
  {"callback_db": name}       callbacks carry X-Odoo-Database (a server with several databases);
  {"callback_secret": s}      callbacks are signed: X-Mall-Signature, hex HMAC-SHA256 of the pushed
                              content with s (mall_einvoice's callback secret, set at the
                              provider).
GET /_sim/stats answers {"orders": accepted orders, "issued": issued invoices,
"forms": red-letter forms raised}.
"""

import argparse
import base64
import hashlib
import hmac
import json
import random
import secrets
import sys
import threading
import time
import urllib.parse
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Simulator:
    def __init__(self, app_key, app_secret, delay):
        self.app_key, self.app_secret, self.delay = app_key, app_secret, delay
        self.tokens = set()
        self.drop_rate = 0.0
        self.random = random.Random(2026)
        self.lock = threading.Lock()
        self.orders = {}  # orderNo -> record
        self.serials = {}  # serial -> orderNo
        self.forms = {}  # billId -> record
        self.counter = 0
        self.fail_next = None
        self.drop_next = 0
        self.hang_next = 0
        self.clock_offset = 0.0
        self.buyer_confirmed = set()
        self.callbacks = "auto"
        self.callback_headers = {}
        self.callback_secret = ""
        self.pending_callbacks = []  # (url, orderNo)

    def now(self):
        return time.time() + self.clock_offset

    def _next(self):
        self.counter += 1
        return self.counter

    # ---- invoices
    def _refresh(self, record):
        if record["status"] in ("20", "21") and self.now() >= record["ready_at"]:
            outcome = record.pop("outcome", None)
            if outcome in ("22", "24"):
                record["status"] = outcome
                record["failCause"] = "模拟开票失败" if outcome == "22" else "模拟签章失败"
            else:
                record["status"] = "2"
                number = "2632%016d" % (int(record["serialNo"][-8:]) + 10**14)
                record["allElectronicInvoiceNumber"] = number
                record["invoiceTime"] = int(self.now() * 1000)
                kind = "31" if record["invoiceLine"] == "bs" else "32"
                record["qrCode"] = "01,%s,,%s,%s,%s,,%s" % (
                    kind,
                    number,
                    record["amount"],
                    time.strftime("%Y%m%d"),
                    number[-4:],
                )
                for ext in ("pdf", "xml", "ofd"):
                    record[ext + "Url"] = "%s/files/%s.%s" % (self.base_url, number, ext)

    def issue(self, order):
        if order.get("orderNo") in self.orders:
            return "E9106", "订单编号重复，该订单已提交", None
        if not order.get("orderNo") or not order.get("buyerName") or not order.get("invoiceDetail"):
            return "E9101", "参数不完整", None
        if str(order.get("specificFactor")) == "6" and len(order["invoiceDetail"]) != 1:
            return "E9107", "不动产经营租赁发票只能有一行明细", None
        serial = "26%012d" % self._next()
        amount = sum(float(line.get("taxExcludedAmount") or 0) for line in order["invoiceDetail"])
        record = {
            "orderNo": order["orderNo"],
            "serialNo": serial,
            "status": "20",
            "failCause": "",
            "invoiceLine": order.get("invoiceLine"),
            "amount": "%.2f" % amount,
            "invoiceType": order.get("invoiceType", "1"),
            "ready_at": self.now() + self.delay,
            "oldEleInvoiceNumber": order.get("invoiceNumEnd", ""),
        }
        if self.fail_next:
            record["outcome"], self.fail_next = self.fail_next, None
        self.orders[order["orderNo"]] = record
        self.serials[serial] = order["orderNo"]
        if order.get("callBackUrl") and self.callbacks != "drop":
            self.pending_callbacks.append((order["callBackUrl"], order["orderNo"]))
            if self.callbacks == "auto":
                timer = threading.Timer(self.delay + 0.1, self.flush_callbacks)
                timer.daemon = True
                timer.start()
        return "E0000", "成功", {"invoiceSerialNum": serial}

    def flush_callbacks(self):
        """Push the result of each waiting order to its callBackUrl (form POST, JSON content),
        outside the lock: the receiver may well query this simulator."""
        with self.lock:
            todo, self.pending_callbacks = self.pending_callbacks, []
            payloads = []
            for url, order_no in todo:
                record = self.orders[order_no]
                self._refresh(record)
                content = {k: v for k, v in record.items() if k not in ("ready_at", "outcome")}
                payloads.append((url, content))
        delivered = 0
        for url, content in payloads:
            payload = json.dumps(content)
            data = urllib.parse.urlencode({"content": payload}).encode()
            headers = dict(self.callback_headers)
            if self.callback_secret:
                headers["X-Mall-Signature"] = hmac.new(
                    self.callback_secret.encode(), payload.encode(), hashlib.sha256
                ).hexdigest()
            callback = urllib.request.Request(url, data=data, headers=headers)
            try:
                with urllib.request.urlopen(callback, timeout=30) as response:
                    delivered += response.status == 200
            except OSError as error:
                # a callback is a courtesy: the client polls anyway
                sys.stderr.write(f"callback to {url} failed: {error}\n")
        return delivered

    def query(self, content):
        keys = content.get("orderNos") or [
            self.serials.get(s) for s in content.get("serialNos") or []
        ]
        result = []
        for key in keys:
            record = self.orders.get(key)
            if not record:
                return "E9500", "未查询到发票", None
            self._refresh(record)
            result.append({k: v for k, v in record.items() if k not in ("ready_at", "outcome")})
        return "E0000", "成功", result

    def reinvoice(self, content):
        record = self.orders.get(self.serials.get(content.get("invoiceSerialNum")))
        if not record or record["status"] != "24":
            return "E9500", "没有签章失败的发票", None
        record.update(status="20", failCause="", ready_at=self.now() + self.delay)
        return "E0000", "成功", None

    # ---- 红字确认单
    def _refresh_form(self, form):
        if form["billStatus"] in ("02", "03") and self.now() - form["created"] > 72 * 3600:
            form["billStatus"] = "07"

    def _red_issue(self, form):
        blue = next(
            (
                r
                for r in self.orders.values()
                if r.get("allElectronicInvoiceNumber") == form["blueInvoiceNumber"]
            ),
            None,
        )
        code, _describe, result = self.issue(
            {
                "orderNo": "RED" + form["billId"][-17:],
                "buyerName": "red",
                "invoiceLine": blue["invoiceLine"] if blue else "pc",
                "invoiceType": "2",
                "invoiceNumEnd": form["blueInvoiceNumber"],
                "invoiceDetail": form["detail"]
                or [{"taxExcludedAmount": "-" + (blue or {}).get("amount", "0")}],
            }
        )
        if code == "E0000":
            form["redSerialNum"] = result["invoiceSerialNum"]

    def red_save(self, content):
        blue = content.get("blueInvoiceNumber") or ""
        if len(blue) != 20 or not any(
            r.get("allElectronicInvoiceNumber") == blue for r in self.orders.values()
        ):
            return "E9500", "蓝字发票不存在", None
        bill = "HZ%018d" % self._next()
        state = "02" if blue in self.buyer_confirmed else "01"
        form = {
            "billId": bill,
            "billStatus": state,
            "blueInvoiceNumber": blue,
            "detail": content.get("detail") or [],
            "created": self.now(),
        }
        self.forms[bill] = form
        if state == "01":
            self._red_issue(form)
        return "E0000", "成功", {"billId": bill, "billStatus": state}

    def buyer_raise(self, blue):
        bill = "HZ%018d" % self._next()
        self.forms[bill] = {
            "billId": bill,
            "billStatus": "03",
            "blueInvoiceNumber": blue,
            "detail": [],
            "created": self.now(),
        }
        return bill

    def red_query(self, content):
        form = self.forms.get(content.get("billId"))
        if not form:
            return "E9500", "确认单不存在", None
        self._refresh_form(form)
        red_number = ""
        if form.get("redSerialNum"):
            record = self.orders[self.serials[form["redSerialNum"]]]
            self._refresh(record)
            red_number = record.get("allElectronicInvoiceNumber", "")
        return (
            "E0000",
            "成功",
            {
                "billId": form["billId"],
                "billStatus": form["billStatus"],
                "redInvoiceNumber": red_number,
                "invoiceSerialNum": form.get("redSerialNum", ""),
            },
        )

    def red_confirm(self, content, agree_state="04", reject_state="06"):
        form = self.forms.get(content.get("billId"))
        if not form:
            return "E9500", "确认单不存在", None
        self._refresh_form(form)
        if form["billStatus"] not in ("02", "03"):
            return "E9108", "确认单状态不允许此操作", None
        form["billStatus"] = agree_state if content.get("confirmAgreement") == "1" else reject_state
        if form["billStatus"] == "04":
            self._red_issue(form)
        return "E0000", "成功", {"billId": form["billId"], "billStatus": form["billStatus"]}

    def red_cancel(self, content):
        form = self.forms.get(content.get("billId"))
        if not form or form["billStatus"] not in ("02", "03"):
            return "E9108", "确认单状态不允许撤销", None
        form["billStatus"] = "08"
        return "E0000", "成功", {"billId": form["billId"], "billStatus": "08"}

    def dispatch(self, method, content):
        name = method.rsplit(".", 1)[-1]
        with self.lock:
            if name == "requestBillingNew":
                return self.issue(content.get("order") or {})
            if name == "queryInvoiceResult":
                return self.query(content)
            if name == "reInvoice":
                return self.reinvoice(content)
            if name == "saveInvoiceRedConfirm":
                return self.red_save(content)
            if name == "queryInvoiceRedConfirm":
                return self.red_query(content)
            if name == "confirm":
                return self.red_confirm(content)
            if name == "confirmInfoCancel":
                return self.red_cancel(content)
        return "E9000", "未知方法 %s" % method, None


def make_handler(sim, hang):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def _send(self, payload, status=200, content_type="application/json"):
            data = (
                payload
                if isinstance(payload, bytes)
                else json.dumps(payload, ensure_ascii=False).encode()
            )
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self):
            path = urllib.parse.urlparse(self.path).path
            if path == "/_sim/stats":
                with sim.lock:
                    for record in sim.orders.values():
                        sim._refresh(record)
                    issued = sum(1 for r in sim.orders.values() if r["status"] == "2")
                    return self._send(
                        {"orders": len(sim.orders), "issued": issued, "forms": len(sim.forms)}
                    )
            if path.startswith("/files/"):
                name = path.rsplit("/", 1)[-1]
                if name.endswith(".pdf"):
                    return self._send(
                        b"%PDF-1.4\n% simulated fapiao " + name.encode() + b"\n%%EOF\n",
                        content_type="application/pdf",
                    )
                return self._send(
                    (
                        "<EInvoice><Header><EIid>%s</EIid></Header></EInvoice>" % name.split(".")[0]
                    ).encode(),
                    content_type="application/xml",
                )
            return self._send({"code": "E9500", "describe": "not found"}, 404)

        def do_POST(self):
            url = urllib.parse.urlparse(self.path)
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            if url.path == "/accessToken":
                form = urllib.parse.parse_qs(body.decode())
                if (
                    form.get("client_id") == [sim.app_key]
                    and form.get("client_secret") == [sim.app_secret]
                    and form.get("grant_type") == ["client_credentials"]
                ):
                    token = "simtoken-" + secrets.token_hex(12)
                    with sim.lock:
                        sim.tokens.add(token)
                    return self._send({"access_token": token, "expires_in": 86400})
                return self._send({"code": "070301", "describe": "client_id或client_secret错误"})
            if url.path == "/_sim/control":
                control = json.loads(body or b"{}")
                answer = {"code": "E0000"}
                with sim.lock:
                    if control.get("expire_tokens"):
                        sim.tokens.clear()
                    if "drop_rate" in control:
                        sim.drop_rate = float(control["drop_rate"])
                    for bill, agree in (control.get("buyer_answer") or {}).items():
                        form = sim.forms.get(bill)
                        if form and form["billStatus"] == "02":
                            form["billStatus"] = "04" if agree == "1" else "05"
                            if agree == "1":
                                sim._red_issue(form)
                    if control.get("buyer_raise"):
                        answer["billId"] = sim.buyer_raise(control["buyer_raise"])
                    if control.get("callbacks"):
                        sim.callbacks = control["callbacks"]
                    if "callback_secret" in control:
                        sim.callback_secret = control["callback_secret"] or ""
                    if control.get("callback_db"):
                        # a server hosting several databases picks one by this header
                        sim.callback_headers["X-Odoo-Database"] = control["callback_db"]
                    sim.fail_next = control.get("fail_next", sim.fail_next)
                    sim.drop_next += int(control.get("drop_next", 0))
                    sim.hang_next += int(control.get("hang_next", 0))
                    sim.clock_offset += float(control.get("advance_hours", 0)) * 3600
                    sim.buyer_confirmed.update(control.get("buyer_confirmed", []))
                    if "delay" in control:
                        sim.delay = float(control["delay"])
                if control.get("flush_callbacks"):
                    answer["delivered"] = sim.flush_callbacks()
                return self._send(answer)
            if url.path != "/open/v1/services":
                return self._send({"code": "E9500", "describe": "not found"}, 404)
            query = {k: v[0] for k, v in urllib.parse.parse_qs(url.query).items()}
            if self.headers.get("accessToken") not in sim.tokens:
                return self._send({"code": "070302", "describe": "accessToken无效"})
            if query.get("appkey") != sim.app_key:
                return self._send({"code": "070303", "describe": "appKey无效"})
            message = "a=services&l=v1&p=open&k=%s&i=%s&n=%s&t=%s&f=%s" % (
                query.get("appkey"),
                query.get("senid"),
                query.get("nonce"),
                query.get("timestamp"),
                body.decode("utf-8"),
            )
            expected = base64.b64encode(
                hmac.new(sim.app_secret.encode(), message.encode("utf-8"), hashlib.sha1).digest()
            ).decode()
            if not hmac.compare_digest(expected, self.headers.get("X-Nuonuo-Sign") or ""):
                return self._send({"code": "070304", "describe": "签名校验失败"})
            code, describe, result = sim.dispatch(
                self.headers.get("method") or "", json.loads(body)
            )
            with sim.lock:
                drop, hang_for = sim.drop_next > 0, hang if sim.hang_next > 0 else 0
                if (
                    not drop
                    and sim.drop_rate
                    and "requestBillingNew" in (self.headers.get("method") or "")
                ):
                    drop = sim.random.random() < sim.drop_rate
                    sim.drop_next += 1 if drop else 0
                sim.drop_next -= 1 if drop else 0
                sim.hang_next -= 1 if hang_for else 0
            if drop:
                # processed, but the answer is lost: close without a word
                self.close_connection = True
                return None
            time.sleep(hang_for)
            return self._send({"code": code, "describe": describe, "result": result})

    return Handler


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8769)
    parser.add_argument("--app-key", default="SIMKEY")
    parser.add_argument("--app-secret", default="SIMSECRET")
    parser.add_argument("--delay", type=float, default=2.0, help="seconds from 开票中 to 开票完成")
    parser.add_argument("--hang", type=float, default=5.0, help="seconds a dropped answer waits")
    args = parser.parse_args()
    sim = Simulator(args.app_key, args.app_secret, args.delay)
    server = ThreadingHTTPServer((args.host, args.port), make_handler(sim, args.hang))
    sim.base_url = "http://%s:%s" % (args.host, server.server_address[1])
    sys.stdout.write("READY %s\n" % server.server_address[1])
    sys.stdout.flush()
    server.serve_forever()


if __name__ == "__main__":
    main()
