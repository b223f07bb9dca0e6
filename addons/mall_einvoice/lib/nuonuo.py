"""Adapter for the 诺诺 open platform (docs/fapiao.md §7), spoken over HTTP to a configurable base
URL.

The same code talks to the real platform and to tools/simulators/nuonuo.py.
"""

import base64
import hashlib
import hmac
import json
import secrets
import time
from datetime import UTC, datetime
from decimal import Decimal

import requests

from . import provider

METHOD_PREFIX = "nuonuo.OpeMplatform."
SUCCESS = "E0000"
DUPLICATE_ORDER = "E9106"
TOKEN_REFUSED = ("070302",)  # accessToken invalid or expired

_STATES = {
    "2": provider.STATE_ISSUED,
    "20": provider.STATE_ISSUING,
    "21": provider.STATE_ISSUING,
    "22": provider.STATE_FAILED,
    "24": provider.STATE_SIGN_FAILED,
    "3": provider.STATE_VOIDED,
    "31": provider.STATE_ISSUING,
}
_RED_REASONS = {"01": "2", "02": "1", "03": "3", "04": "4"}  # bureau chyyDm -> Nuonuo redReason


def sign(app_secret, app_key, senid, nonce, timestamp, body):
    """X-Nuonuo-Sign: base64(HMAC-SHA1(appSecret,
    a=services&l=v1&p=open&k=…&i=…&n=…&t=…&f=body))."""
    if isinstance(body, bytes):
        body = body.decode("utf-8")
    message = f"a=services&l=v1&p=open&k={app_key}&i={senid}&n={nonce}&t={timestamp}&f={body}"
    digest = hmac.new(app_secret.encode(), message.encode("utf-8"), hashlib.sha1).digest()
    return base64.b64encode(digest).decode()


def _json(response):
    """The JSON answer; anything else (a gateway's error page) leaves the outcome unknown."""
    try:
        data = response.json()
    except ValueError as error:
        raise provider.ProviderTimeout(f"HTTP {response.status_code}: no JSON answer") from error
    if not isinstance(data, dict):
        raise provider.ProviderTimeout(f"HTTP {response.status_code}: unexpected answer")
    return data


def _money(value):
    return f"{Decimal(str(value)):.2f}"


class NuonuoProvider(provider.FapiaoProvider):
    """诺诺 adapter. ``token`` may be given (self-use apps) or is fetched and cached."""

    def __init__(
        self, base_url, app_key, app_secret, user_tax, token=None, timeout=10, on_token=None
    ):
        self.base_url = base_url.rstrip("/")
        self.app_key = app_key
        self.app_secret = app_secret
        self.user_tax = user_tax
        self.token = token
        self.timeout = timeout
        self.on_token = on_token  # called with (token, expires_in) when a new one is fetched
        self.session = requests.Session()

    # transport ---------------------------------------------------------------
    def fetch_token(self):
        """Client-credentials token (form POST); cached on the adapter."""
        try:
            response = self.session.post(
                f"{self.base_url}/accessToken",
                timeout=self.timeout,
                data={
                    "client_id": self.app_key,
                    "client_secret": self.app_secret,
                    "grant_type": "client_credentials",
                },
            )
        except requests.RequestException as error:
            raise provider.ProviderError("NETWORK", str(error)) from error
        data = _json(response)
        if "access_token" not in data:
            raise provider.ProviderError(data.get("code", "070301"), data.get("describe", "token"))
        self.token = data["access_token"]
        if self.on_token:
            self.on_token(self.token, data.get("expires_in"))
        return self.token

    def call(self, method, content):
        """POST one signed envelope; return ``result`` or raise ProviderError. A refused
        (expired) token is fetched again once."""
        try:
            return self._call(method, content)
        except provider.ProviderError as error:
            if error.code not in TOKEN_REFUSED:
                raise
            self.token = None
            return self._call(method, content)

    def _call(self, method, content):
        token = self.token or self.fetch_token()
        body = json.dumps(content, ensure_ascii=False, separators=(",", ":"))
        senid, nonce, timestamp = (
            secrets.token_hex(16),
            str(secrets.randbelow(90000000) + 10000000),
            str(int(time.time())),
        )
        headers = {
            "Content-Type": "application/json",
            "X-Nuonuo-Sign": sign(self.app_secret, self.app_key, senid, nonce, timestamp, body),
            "accessToken": token,
            "userTax": self.user_tax,
            "method": METHOD_PREFIX + method,
        }
        params = {"senid": senid, "nonce": nonce, "timestamp": timestamp, "appkey": self.app_key}
        try:
            response = self.session.post(
                f"{self.base_url}/open/v1/services",
                params=params,
                data=body.encode("utf-8"),
                headers=headers,
                timeout=self.timeout,
            )
        except (requests.Timeout, requests.ConnectionError) as error:
            raise provider.ProviderTimeout(str(error)) from error
        except requests.RequestException as error:
            # the request never left (bad URL): nothing can have been accepted
            raise provider.ProviderError("NETWORK", str(error)) from error
        envelope = _json(response)
        code = envelope.get("code")
        if code == SUCCESS:
            return envelope.get("result")
        if code == DUPLICATE_ORDER:
            raise provider.DuplicateOrder(code, envelope.get("describe", ""))
        raise provider.ProviderError(code, envelope.get("describe", ""))

    # interface ---------------------------------------------------------------
    def _order_content(self, order):
        lines = []
        for line in order["lines"]:
            lines.append(
                {
                    "goodsName": line["name"],
                    "goodsCode": line.get("tax_code") or "",
                    "specType": line.get("spec") or "",
                    "unit": line.get("unit") or "",
                    "num": str(line["quantity"]),
                    "price": str(line["price"]),
                    "withTaxFlag": "1" if line.get("price_include") else "0",
                    "taxRate": str(line["rate"]),
                    "taxExcludedAmount": _money(line["amount"]),
                    "tax": _money(line["tax"]),
                    "taxIncludedAmount": _money(line["total"]),
                    "invoiceLineProperty": "0",
                    "favouredPolicyFlag": line.get("preferential") or "",
                }
            )
        buyer = order["buyer"]
        content = {
            "buyerName": buyer["name"],
            "buyerTaxNum": buyer.get("tax_number") or "",
            "buyerAddress": buyer.get("address") or "",
            "buyerTel": buyer.get("phone") or "",
            "buyerAccount": " ".join(filter(None, [buyer.get("bank"), buyer.get("account")])),
            "email": buyer.get("email") or "",
            "salerTaxNum": order.get("seller_tax_number") or self.user_tax,
            "orderNo": order["order_no"],
            "invoiceDate": (order.get("date") or datetime.now()).strftime("%Y-%m-%d %H:%M:%S"),
            "clerk": order.get("clerk") or "",
            "invoiceType": "2" if order.get("red") else "1",
            "invoiceLine": "bs" if order.get("kind") == "special" else "pc",
            "remark": (order.get("remark") or "")[:200],
            "pushMode": "-1",
            "callBackUrl": order.get("callback_url") or "",
            "invoiceDetail": lines,
        }
        if order.get("red"):
            content["invoiceNumEnd"] = order.get("blue_number") or ""
            content["redReason"] = _RED_REASONS.get(order.get("red_reason") or "01", "2")
        rent = order.get("rent")
        if rent:
            content["specificFactor"] = "6"
            content["realPropertyRentInfo"] = {
                "realPropertyAddress": rent["address_region"],
                "detailAddress": rent["address_detail"],
                "rentStartDate": str(rent["date_start"]),
                "rentEndDate": str(rent["date_end"]),
                "crossCitySign": "1" if rent.get("cross_city") else "0",
                "areaUnit": "1",
                "realPropertyCertificate": rent.get("certificate") or "",
            }
        return {"order": content}

    def issue(self, order):
        result = self.call("requestBillingNew", self._order_content(order))
        return result["invoiceSerialNum"]

    def query(self, order_nos=None, serials=None):
        content = {"orderNos": list(order_nos)} if order_nos else {"serialNos": list(serials or [])}
        results = []
        for item in self.call("queryInvoiceResult", content) or []:
            invoice_time = item.get("invoiceTime")
            results.append(
                {
                    "order_no": item.get("orderNo"),
                    "serial": item.get("serialNo"),
                    "state": _STATES.get(str(item.get("status")), provider.STATE_ISSUING),
                    "fail_cause": item.get("failCause") or "",
                    "number": item.get("allElectronicInvoiceNumber") or "",
                    "date": datetime.fromtimestamp(int(invoice_time) / 1000, UTC).replace(
                        tzinfo=None
                    )
                    if invoice_time
                    else False,
                    "qr_code": item.get("qrCode") or "",
                    "pdf_url": item.get("pdfUrl") or "",
                    "xml_url": item.get("xmlUrl") or "",
                    "ofd_url": item.get("ofdUrl") or "",
                }
            )
        return results

    def retry_signature(self, serial):
        return self.call("reInvoice", {"invoiceSerialNum": serial})

    def red_form_save(self, values):
        result = self.call(
            "saveInvoiceRedConfirm",
            {
                "blueInvoiceNumber": values["blue_number"],
                "billId": values.get("form_no") or "",
                "redReason": _RED_REASONS.get(values.get("reason") or "01", "2"),
                "applySource": "0",
                "detail": [
                    {
                        "blueDetailIndex": str(line["index"]),
                        "goodsName": line["name"],
                        "goodsCode": line.get("tax_code") or "",
                        "num": str(line["quantity"]),
                        "price": str(line["price"]),
                        "withTaxFlag": "1" if line.get("price_include") else "0",
                        "taxRate": str(line["rate"]),
                        "taxExcludedAmount": _money(line["amount"]),
                        "tax": _money(line["tax"]),
                        "taxIncludedAmount": _money(line["total"]),
                    }
                    for line in values.get("lines") or []
                ],
            },
        )
        return {"form_id": result["billId"], "state": result["billStatus"]}

    def red_form_query(self, form_id):
        result = self.call("queryInvoiceRedConfirm", {"billId": form_id})
        return {
            "form_id": result["billId"],
            "state": result["billStatus"],
            "red_number": result.get("redInvoiceNumber") or "",
            "red_serial": result.get("invoiceSerialNum") or "",
        }

    def red_form_confirm(self, form_id, agree=True):
        return self.call("confirm", {"billId": form_id, "confirmAgreement": "1" if agree else "0"})

    def red_form_revoke(self, form_id):
        return self.call("confirmInfoCancel", {"billId": form_id})

    def void(self, serial):
        raise provider.ProviderError("VOID", "数电发票不能作废，请通过红字确认单红冲。")

    def download(self, url):
        try:
            response = self.session.get(url, timeout=self.timeout)
        except requests.RequestException as error:
            raise provider.ProviderTimeout(str(error)) from error
        if response.status_code != 200:
            raise provider.ProviderError(f"HTTP {response.status_code}", url)
        return response.content
