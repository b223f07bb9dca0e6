import werkzeug.exceptions

from odoo import models
from odoo.exceptions import AccessDenied
from odoo.http import SessionExpiredException

from ..lib.json_api import api_env, error


class IrHttp(models.AbstractModel):
    _inherit = "ir.http"

    @classmethod
    def _authenticate(cls, endpoint):
        """The suite's APIs (routes with ``mall_api=True``) answer a missing, wrong or expired
        API key with a JSON 401 in Chinese, never Odoo's 401 page or a 500."""
        try:
            return super()._authenticate(endpoint)
        except (AccessDenied, SessionExpiredException, werkzeug.exceptions.HTTPException) as exc:
            if not endpoint.routing.get("mall_api"):
                raise
            env = api_env()
            response = error(
                env._(
                    "A valid API key is required: send the header Authorization: Bearer <API key> "
                    "of the integration user."
                ),
                401,
            )
            response.headers["WWW-Authenticate"] = "Bearer"
            raise werkzeug.exceptions.Unauthorized(response=response) from exc
