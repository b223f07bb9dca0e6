from odoo import _, http
from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager
from odoo.exceptions import AccessError, MissingError
from odoo.http import request

PAGE_SIZE = 20
FORMATS = ("pdf", "ofd", "xml")


class FapiaoPortal(CustomerPortal):
    """我的发票: the tenant's own issued fapiao. Record rules restrict a portal user to the
    fapiao of their own company; the routes only read through them."""

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "fapiao_count" in counters:
            Fapiao = request.env["mall.fapiao"]
            values["fapiao_count"] = (
                Fapiao.search_count(self._mall_fapiao_domain()) if Fapiao.has_access("read") else 0
            )
        return values

    def _mall_fapiao_domain(self, search=None):
        domain = [("state", "=", "issued")]
        if search:
            domain += [
                "|",
                "|",
                ("number", "ilike", search),
                ("move_id.name", "ilike", search),
                ("line_ids.name", "ilike", search),
            ]
        return domain

    @http.route(
        ["/my/fapiao", "/my/fapiao/page/<int:page>"], type="http", auth="user", website=True
    )
    def portal_my_fapiao(self, page=1, search=None, search_in="all", **kw):
        Fapiao = request.env["mall.fapiao"]
        domain = self._mall_fapiao_domain(search)
        count = Fapiao.search_count(domain)
        pager = portal_pager(
            url="/my/fapiao",
            url_args={"search": search, "search_in": search_in},
            total=count,
            page=page,
            step=PAGE_SIZE,
        )
        values = self._prepare_portal_layout_values()
        values.update(
            fapiao=Fapiao.search(
                domain, order="issue_date desc, id desc", limit=PAGE_SIZE, offset=pager["offset"]
            ),
            pager=pager,
            page_name="mall_fapiao",
            default_url="/my/fapiao",
            search=search,
            search_in=search_in,
            searchbar_inputs={"all": {"input": "all", "label": _("Search in number or item")}},
        )
        return request.render("mall_einvoice.portal_my_fapiao", values)

    @http.route("/my/fapiao/<int:fapiao_id>/<string:fmt>", type="http", auth="user", website=True)
    def portal_my_fapiao_download(self, fapiao_id, fmt, **kw):
        """The fapiao file (pdf, ofd, xml) of the tenant's own issued fapiao. The PDF goes
        through the portal's report response: its report reloads the provider's PDF stored on
        the fapiao; OFD and XML are not reports and are streamed as they are stored."""
        if fmt not in FORMATS:
            return request.not_found()
        try:
            fapiao_sudo = self._document_check_access("mall.fapiao", fapiao_id)
        except (AccessError, MissingError):
            return request.redirect("/my")
        if fapiao_sudo.state != "issued":
            return request.redirect("/my")
        attachment = (
            request.env["ir.attachment"]
            .sudo()
            .search(
                [
                    ("res_model", "=", "mall.fapiao"),
                    ("res_id", "=", fapiao_sudo.id),
                    ("name", "=", f"{fapiao_sudo.number}.{fmt}"),
                ],
                limit=1,
            )
        )
        if not attachment:
            return request.not_found()
        if fmt == "pdf":
            return self._show_report(
                fapiao_sudo, "pdf", "mall_einvoice.action_report_fapiao_pdf", download=True
            )
        return (
            request.env["ir.binary"]._get_stream_from(attachment).get_response(as_attachment=True)
        )
