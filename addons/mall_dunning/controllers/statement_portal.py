from odoo import http
from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.exceptions import AccessError, MissingError
from odoo.http import request


class StatementPortal(CustomerPortal):
    """The tenant's monthly statements (对账单) and payment notices (缴费通知单) in the portal.
    Record rules keep a portal user to the statements and invoices of their own company."""

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "mall_statement_count" in counters:
            Statement = request.env["mall.statement"]
            values["mall_statement_count"] = (
                Statement.search_count([]) if Statement.has_access("read") else 0
            )
        return values

    @http.route("/my/statements", type="http", auth="user", website=True)
    def portal_my_statements(self, **kw):
        values = self._prepare_portal_layout_values()
        statements = request.env["mall.statement"].search([])
        values.update(statements=statements, page_name="mall_statements")
        return request.render("mall_dunning.portal_my_statements", values)

    @http.route("/my/statements/<int:statement_id>", type="http", auth="user", website=True)
    def portal_my_statement(self, statement_id, access_token=None, **kw):
        try:
            statement = self._document_check_access("mall.statement", statement_id, access_token)
        except (AccessError, MissingError):
            return request.redirect("/my")
        return self._show_report(
            statement, "pdf", "mall_dunning.action_report_statement", download=kw.get("download")
        )

    @http.route(
        "/my/invoices/<int:invoice_id>/payment_notice", type="http", auth="public", website=True
    )
    def portal_my_invoice_payment_notice(self, invoice_id, access_token=None, **kw):
        try:
            invoice = self._document_check_access("account.move", invoice_id, access_token)
        except (AccessError, MissingError):
            return request.redirect("/my")
        if (
            not invoice.mall_lease_id
            or invoice.move_type != "out_invoice"
            or invoice.state != "posted"
        ):
            return request.redirect("/my")
        return self._show_report(
            invoice, "pdf", "mall_dunning.action_report_payment_notice", download=kw.get("download")
        )
