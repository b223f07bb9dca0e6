from odoo import http
from odoo.addons.mall_billing.controllers.api_auth import BearerTokenMixin
from odoo.exceptions import UserError
from odoo.http import request

TOKEN_PARAMETER = "mall_billing.finance_api_token"
DEFAULT_LIMIT = 100
MAX_LIMIT = 1000


class FinanceApi(BearerTokenMixin, http.Controller):
    """Tenant invoices and payments for an external finance system (财务系统对接):
    ``GET /mall/api/finance/invoices?date_from=YYYY-MM-DD&date_to=YYYY-MM-DD&page=1&limit=100``
    and the same for ``/payments``, with ``Authorization: Bearer <token>``. Answers
    ``{"data": [...], "page", "limit", "total", "next_page"}``."""

    @http.route("/mall/api/finance/invoices", type="http", auth="public", methods=["GET"],
                csrf=False, save_session=False)
    def invoices(self, date_from=None, date_to=None, page=1, limit=DEFAULT_LIMIT):
        return self._serve("invoices", date_from, date_to, page, limit)

    @http.route("/mall/api/finance/payments", type="http", auth="public", methods=["GET"],
                csrf=False, save_session=False)
    def payments(self, date_from=None, date_to=None, page=1, limit=DEFAULT_LIMIT):
        return self._serve("payments", date_from, date_to, page, limit)

    def _serve(self, kind, date_from, date_to, page, limit):
        if not self._bearer_token_ok(TOKEN_PARAMETER):
            return self._answer({"error": "unauthorized"}, 401)
        try:
            page, limit = int(page), int(limit)
        except ValueError:
            return self._answer({"error": "page and limit are whole numbers"}, 400)
        if page < 1 or not 1 <= limit <= MAX_LIMIT:
            return self._answer(
                {"error": f"page starts at 1, limit is between 1 and {MAX_LIMIT}"}, 400)
        env = request.env(su=True)
        exporter = env["mall.finance.export"]
        try:
            if kind == "invoices":
                model, domain = env["account.move"], exporter._invoice_domain(date_from, date_to)
                order = "invoice_date, name, id"
            else:
                model, domain = env["account.payment"], exporter._payment_domain(
                    date_from, date_to)
                order = "date, id"
        except UserError as error:
            return self._answer({"error": str(error)}, 400)
        total = model.search_count(domain)
        records = model.search(domain, order=order, offset=(page - 1) * limit, limit=limit)
        data = (exporter._invoice_json(records) if kind == "invoices"
                else exporter._payment_rows(records))
        return self._answer({
            "data": data, "page": page, "limit": limit, "total": total,
            "next_page": page + 1 if page * limit < total else None,
        }, 200)
