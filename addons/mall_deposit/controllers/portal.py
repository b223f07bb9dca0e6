from odoo import http
from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.exceptions import AccessError, MissingError
from odoo.http import request


class DepositReceiptPortal(CustomerPortal):
    """The receipt (收据) of a deposit invoice, for the tenant, from its invoice page."""

    @http.route("/my/invoices/<int:invoice_id>/receipt", type="http", auth="public", website=True)
    def portal_my_deposit_receipt(self, invoice_id, access_token=None, download=False, **kw):
        try:
            move = self._document_check_access("account.move", invoice_id, access_token)
        except (AccessError, MissingError):
            return request.redirect("/my")
        if not (move.mall_is_deposit and move.mall_receipt_number):
            return request.redirect(move.get_portal_url())
        return self._show_report(
            model=move,
            report_type="pdf",
            report_ref="mall_deposit.action_report_deposit_receipt",
            download=download in (True, "1", "true"),
        )
