from werkzeug.datastructures import FileStorage

from odoo import fields, http
from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.exceptions import UserError
from odoo.http import request

from ..models.res_partner_portal import LICENCE_MAX_BYTES

# Room for the form's other fields and the multipart boundaries around the scan.
FORM_OVERHEAD_BYTES = 64 * 1024


class MallTenantPortal(CustomerPortal):
    """The tenant's own profile in the portal: its company, its contacts, its licence.

    Every route works on the logged-in user's commercial partner and nothing else; the
    models decide what may change."""

    def _mall_tenant(self):
        """The user's company if it is a tenant of the mall (in sudo), else None."""
        partner = request.env.user.partner_id.commercial_partner_id.sudo()
        return partner if partner.mall_tenant_stage else None

    def _prepare_portal_layout_values(self):
        # not in _prepare_home_portal_values: the portal's counter script expects only
        # document counters there
        values = super()._prepare_portal_layout_values()
        values["mall_is_tenant"] = bool(self._mall_tenant())
        return values

    @http.route("/my/tenant", type="http", auth="user", website=True)
    def portal_mall_tenant(self, message=None, **kw):
        tenant = self._mall_tenant()
        if not tenant:
            return request.redirect("/my")
        return self._render_mall_tenant(tenant, message=message)

    def _render_mall_tenant(self, tenant, message=None, error=None):
        values = self._prepare_portal_layout_values()
        requests = request.env["mall.licence.request"].search(
            [("partner_id", "=", tenant.id)], limit=5
        )
        values.update(
            {
                "page_name": "mall_tenant",
                "tenant": tenant,
                "contacts": tenant._mall_portal_contacts(),
                "editable_contacts": tenant._mall_portal_editable_contacts(
                    request.env.user.partner_id
                ),
                "manages_contacts": tenant._mall_portal_manages_contacts(
                    request.env.user.partner_id
                ),
                "licence_requests": requests,
                "pending_request": requests.filtered(lambda r: r.state == "pending")[:1],
                "message": message,
                "error": error,
            }
        )
        return request.render("mall_tenant.portal_my_tenant", values)

    @http.route(
        ["/my/tenant/contact/new", "/my/tenant/contact/<int:contact_id>"],
        type="http",
        auth="user",
        website=True,
        methods=["GET", "POST"],
    )
    def portal_mall_tenant_contact(self, contact_id=None, **post):
        tenant = self._mall_tenant()
        if not tenant:
            return request.redirect("/my")
        editor = request.env.user.partner_id
        contact = tenant._mall_portal_contacts().filtered(lambda c: c.id == contact_id)
        if contact_id and not contact:
            return request.not_found()
        if request.httprequest.method == "GET" and (
            contact not in tenant._mall_portal_editable_contacts(editor)
            if contact
            else not tenant._mall_portal_manages_contacts(editor)
        ):
            return request.not_found()
        error = None
        if request.httprequest.method == "POST":
            try:
                tenant._mall_portal_save_contact(contact_id, post)
                return request.redirect("/my/tenant?message=contact_saved")
            except UserError as exc:
                error = exc.args[0]
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "mall_tenant_contact",
                "tenant": tenant,
                "contact": contact,
                # a file posted in place of a text is not shown back
                "form": {f: v for f, v in post.items() if isinstance(v, str)}
                if error
                else {f: contact[f] or "" for f in ("name", "function", "phone", "email")},
                "error": error,
            }
        )
        return request.render("mall_tenant.portal_my_tenant_contact", values)

    @http.route("/my/tenant/licence", type="http", auth="user", website=True, methods=["POST"])
    def portal_mall_tenant_licence(self, licence_file=None, licence_expiry=None, **kw):
        tenant = self._mall_tenant()
        if not tenant:
            return request.redirect("/my")
        _ = request.env._
        # Refuse an oversized body from its announced length, before anything reads it.
        length = request.httprequest.content_length or 0
        if length > LICENCE_MAX_BYTES + FORM_OVERHEAD_BYTES:
            return self._render_mall_tenant(tenant, error=_("The file is larger than 10 MB."))
        if licence_file and not isinstance(licence_file, FileStorage):
            return self._render_mall_tenant(
                tenant, error=_("Send the scan of your business licence as a file.")
            )
        try:
            expiry = fields.Date.to_date(licence_expiry) if licence_expiry else False
        except (ValueError, TypeError):
            return self._render_mall_tenant(tenant, error=_("The expiry date is not a date."))
        try:
            # at most one byte over the limit: enough to know the file is too large
            tenant._mall_portal_request_licence(
                licence_file.stream.read(LICENCE_MAX_BYTES + 1) if licence_file else b"",
                licence_file.filename if licence_file else "",
                expiry,
            )
        except UserError as exc:
            return self._render_mall_tenant(tenant, error=exc.args[0])
        return request.redirect("/my/tenant?message=licence_sent")
