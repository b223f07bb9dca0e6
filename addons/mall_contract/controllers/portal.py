from odoo import http
from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager
from odoo.exceptions import AccessError, MissingError
from odoo.http import request

# Ids are PostgreSQL integers: a larger number in a URL is no record, not a database error.
MAX_ID = 2**31 - 1
LEASES_PER_PAGE = 20


class LeasePortal(CustomerPortal):
    """The tenant's leases in the portal. Record rules restrict a portal user to the leases of
    their own company; the routes only read through them."""

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "lease_count" in counters:
            Lease = request.env["mall.lease"]
            values["lease_count"] = (
                Lease.search_count(self._mall_lease_domain()) if Lease.has_access("read") else 0
            )
        return values

    def _mall_lease_domain(self):
        # Drafts and leases under internal approval are the mall's business, not yet the
        # tenant's.
        return [("state", "not in", ("draft", "submitted"))]

    @http.route(
        ["/my/leases", "/my/leases/page/<int:page>"], type="http", auth="user", website=True
    )
    def portal_my_leases(self, page=1, **kw):
        values = self._prepare_portal_layout_values()
        Lease = request.env["mall.lease"]
        domain = self._mall_lease_domain()
        # the portal's pager clamps any page number (text, zero, huge) to an existing page
        pager = portal_pager(
            url="/my/leases", total=Lease.search_count(domain), page=page, step=LEASES_PER_PAGE
        )
        leases = Lease.search(domain, limit=LEASES_PER_PAGE, offset=pager["offset"])
        values.update(leases=leases, pager=pager, page_name="mall_leases")
        return request.render("mall_contract.portal_my_leases", values)

    @http.route("/my/leases/<int:lease_id>", type="http", auth="user", website=True)
    def portal_my_lease(self, lease_id, access_token=None, **kw):
        if not 0 < lease_id <= MAX_ID:
            return request.redirect("/my")
        try:
            lease_sudo = self._document_check_access("mall.lease", lease_id, access_token)
        except (AccessError, MissingError):
            return request.redirect("/my")
        if lease_sudo.state in ("draft", "submitted"):
            return request.redirect("/my")
        values = self._prepare_portal_layout_values()
        partner = request.env.user.partner_id
        signer = lease_sudo.tenant_signer_id
        values.update(
            lease=lease_sudo,
            page_name="mall_lease",
            sign_url=signer.access_url
            if lease_sudo.state == "signing"
            and signer
            and not signer.signed_on
            and signer.partner_id == partner
            else False,
        )
        return request.render("mall_contract.portal_my_lease", values)

    @http.route("/my/leases/<int:lease_id>/contract", type="http", auth="user", website=True)
    def portal_my_lease_contract(self, lease_id, access_token=None, **kw):
        if not 0 < lease_id <= MAX_ID:
            return request.redirect("/my")
        try:
            lease_sudo = self._document_check_access("mall.lease", lease_id, access_token)
        except (AccessError, MissingError):
            return request.redirect("/my")
        # Once signed, the archived PDF is the contract; before, the report renders it.
        if lease_sudo.signed_pdf_id:
            return (
                request.env["ir.binary"]
                ._get_stream_from(lease_sudo.signed_pdf_id)
                .get_response(as_attachment=True)
            )
        if lease_sudo.state in ("draft", "submitted"):
            return request.redirect("/my")
        return self._show_report(
            model=lease_sudo,
            report_type="pdf",
            report_ref="mall_contract.action_report_lease",
            download=True,
        )
