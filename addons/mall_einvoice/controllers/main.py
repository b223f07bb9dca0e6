import hashlib
import hmac
import json

from odoo import http
from odoo.http import request

SIGNATURE_HEADER = "X-Mall-Signature"
SECRET_HEADER = "X-Mall-Callback-Secret"
MAX_ID = 2**31 - 1


def _header_bytes(name):
    """A header's value as the bytes sent (werkzeug decodes headers as latin-1), so that a
    non-ASCII value is compared, never a crash."""
    value = request.httprequest.headers.get(name) or ""
    return value.encode("latin-1", "replace").strip()


def signature(secret, payload):
    """X-Mall-Signature: hex HMAC-SHA256 of what was pushed, with the company's callback
    secret."""
    return hmac.new(secret.encode(), payload, hashlib.sha256).hexdigest()


def _signed_payload(post):
    """What the signature covers: the pushed ``content`` of a form post (the provider's push;
    its form is parsed before the route runs, so the raw body is gone), else the raw body."""
    content = post.get("content")
    if isinstance(content, str):
        return content.encode()
    return request.httprequest.get_data()


class FapiaoCallback(http.Controller):
    @http.route(
        "/mall_einvoice/callback/<int:company_id>",
        type="http",
        auth="public",
        methods=["POST"],
        csrf=False,
        save_session=False,
    )
    def callback(self, company_id, **post):
        """Provider push: only a trigger. The caller proves it knows the company's callback
        secret by a signature of what it pushes (``X-Mall-Signature: <hex HMAC-SHA256>`` of the
        ``content`` field of a form post, else of the raw body) or by the
        secret itself in ``X-Mall-Callback-Secret`` (a gateway that adds it) — never in the URL,
        where logs and proxies keep it. The result itself is fetched from the provider, never
        taken from the pushed content."""
        company = request.env["res.company"].sudo()
        if 0 < company_id <= MAX_ID:
            company = company.browse(company_id).exists()
        lang = company.partner_id.lang or "zh_CN"
        env = request.env(context=dict(request.env.context, lang=lang))
        expected = (company.mall_fapiao_callback_secret or "") if company else ""
        signed, secret = _header_bytes(SIGNATURE_HEADER), _header_bytes(SECRET_HEADER)
        if not (signed or secret):
            return request.make_json_response(
                {"error": env._("The callback carries no signature (X-Mall-Signature).")},
                status=401,
            )
        body = _signed_payload(post)
        if signed.startswith(b"sha256="):
            signed = signed[len(b"sha256=") :]
        valid = bool(expected) and (
            hmac.compare_digest(signed, signature(expected, body).encode())
            if signed
            else hmac.compare_digest(secret, expected.encode())
        )
        if not valid:
            return request.make_json_response(
                {"error": env._("The callback signature is not valid.")}, status=403
            )
        Fapiao = request.env["mall.fapiao"].sudo()
        domain = [("company_id", "=", company.id), ("state", "in", ("submitted", "issuing"))]
        order_no = _order_no(post.get("content"))
        pending = order_no and Fapiao.search(domain + [("name", "=", order_no)], limit=1)
        pending = pending or Fapiao.search(domain, limit=200)
        pending.action_refresh()
        return request.make_json_response({"result": "ok", "checked": len(pending)})


def _order_no(content):
    """The order number the push is about, when it says (only to pick what to ask for)."""
    try:
        data = json.loads(content or "{}")
    except ValueError:
        return ""
    value = data.get("orderNo") if isinstance(data, dict) else ""
    return value if isinstance(value, str) else ""
