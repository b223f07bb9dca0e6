import hmac
import json

from odoo.http import request


class BearerTokenMixin:
    """For the JSON APIs of other systems: a bearer token kept in a system parameter, and
    JSON answers."""

    def _bearer_token_ok(self, parameter):
        """Whether the request carries ``Authorization: Bearer <token>`` with the token of
        the system parameter ``parameter``; never when no token is configured."""
        token = request.env["ir.config_parameter"].sudo().get_param(parameter)
        given = request.httprequest.headers.get("Authorization", "")
        return bool(token) and hmac.compare_digest(given.encode(), f"Bearer {token}".encode())

    def _answer(self, body, status):
        return request.make_response(
            json.dumps(body, ensure_ascii=False), status=status,
            headers=[("Content-Type", "application/json; charset=utf-8")])
