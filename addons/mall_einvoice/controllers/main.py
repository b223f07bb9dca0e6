import hmac

from odoo import http
from odoo.http import request


class FapiaoCallback(http.Controller):
    @http.route(
        "/mall_einvoice/callback/<int:company_id>/<string:secret>",
        type="http",
        auth="public",
        methods=["POST"],
        csrf=False,
    )
    def callback(self, company_id, secret, **post):
        """Provider push: only a trigger. The caller must know the company's secret, and the
        result itself is fetched from the provider, never taken from the pushed content."""
        company = request.env["res.company"].sudo().browse(company_id).exists()
        expected = company.mall_fapiao_callback_secret if company else ""
        if not expected or not hmac.compare_digest(expected, secret):
            return request.make_response("forbidden", status=403)
        pending = (
            request.env["mall.fapiao"]
            .sudo()
            .search(
                [
                    ("company_id", "=", company.id),
                    ("state", "in", ("submitted", "issuing")),
                ],
                limit=200,
            )
        )
        pending.action_refresh()
        return request.make_response("ok")
