"""What the suite's APIs for other systems (meter readings, the finance system) share: JSON
answers, and a JSON 401 in Chinese when the API key is missing or wrong.

The routes use Odoo's own bearer authentication (``auth="bearer"``: a user API key, the request
runs as that key's user with that user's rights and companies). Odoo answers a failed bearer
authentication with a plain-text 401 page; a route marked ``mall_api=True`` answers JSON
instead (see ``models/ir_http.py``)."""

from odoo.http import request

# The language of the answers: the mall office's, whatever the calling system sends.
API_LANG = "zh_CN"


def answer(body, status=200):
    """A JSON response (UTF-8, Chinese kept as is)."""
    return request.make_json_response(body, status=status)


def error(message, status):
    """A JSON error answer: ``{"error": message}``."""
    return answer({"error": message}, status)


def api_env():
    """The request's environment in the answers' language."""
    return request.env(context=dict(request.env.context, lang=API_LANG))
