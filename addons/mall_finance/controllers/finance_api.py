from odoo import http
from odoo.addons.mall_billing.lib.json_api import answer, api_env, error
from odoo.exceptions import UserError

DEFAULT_LIMIT = 100
MAX_LIMIT = 1000


class FinanceApi(http.Controller):
    """Tenant invoices and payments for an external finance system (财务系统对接):
    ``GET /mall/api/finance/invoices?date_from=YYYY-MM-DD&date_to=YYYY-MM-DD&page=1&limit=100``
    and the same for ``/payments``, with ``Authorization: Bearer <API key>`` of an integration
    user in the group *Finance API*. Answers ``{"data": [...], "page", "limit", "total",
    "next_page"}``, read as that user: only its company's invoices and payments."""

    @http.route(
        "/mall/api/finance/invoices",
        type="http",
        auth="bearer",
        methods=["GET"],
        csrf=False,
        save_session=False,
        mall_api=True,
    )
    def invoices(self, date_from=None, date_to=None, page=1, limit=DEFAULT_LIMIT):
        return self._serve("invoices", date_from, date_to, page, limit)

    @http.route(
        "/mall/api/finance/payments",
        type="http",
        auth="bearer",
        methods=["GET"],
        csrf=False,
        save_session=False,
        mall_api=True,
    )
    def payments(self, date_from=None, date_to=None, page=1, limit=DEFAULT_LIMIT):
        return self._serve("payments", date_from, date_to, page, limit)

    def _serve(self, kind, date_from, date_to, page, limit):
        env = api_env()
        if not env.user.has_group("mall_finance.group_finance_api"):
            return error(env._("This API key may not read invoices and payments."), 403)
        try:
            page, limit = int(page), int(limit)
        except ValueError:
            return error(env._("page and limit are whole numbers."), 400)
        if page < 1 or not 1 <= limit <= MAX_LIMIT:
            return error(
                env._("page starts at 1, limit is between 1 and %(max)s.", max=MAX_LIMIT), 400
            )
        exporter = env["mall.finance.export"]
        try:
            if kind == "invoices":
                model, domain = env["account.move"], exporter._invoice_domain(date_from, date_to)
                order = "invoice_date, name, id"
            else:
                model, domain = env["account.payment"], exporter._payment_domain(date_from, date_to)
                order = "date, id"
        except UserError as exc:
            return error(str(exc), 400)
        total = model.search_count(domain)
        records = model.search(domain, order=order, offset=(page - 1) * limit, limit=limit)
        data = (
            exporter._invoice_json(records)
            if kind == "invoices"
            else exporter._payment_rows(records)
        )
        return answer(
            {
                "data": data,
                "page": page,
                "limit": limit,
                "total": total,
                "next_page": page + 1 if page * limit < total else None,
            }
        )
