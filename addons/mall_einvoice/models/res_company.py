from odoo import fields, models

from ..lib.nuonuo import NuonuoProvider


class ResCompany(models.Model):
    _inherit = "res.company"

    mall_fapiao_url = fields.Char(
        string="Fapiao Provider URL",
        help="Base URL of the 诺诺 open platform, or of the local simulator (http://127.0.0.1:8769).",
    )
    mall_fapiao_app_key = fields.Char(string="Fapiao App Key", groups="base.group_system")
    mall_fapiao_app_secret = fields.Char(string="Fapiao App Secret", groups="base.group_system")
    mall_fapiao_token = fields.Char(string="Fapiao Access Token", groups="base.group_system")
    mall_fapiao_callback_secret = fields.Char(
        string="Fapiao Callback Secret", groups="base.group_system"
    )
    mall_fapiao_clerk = fields.Char(
        string="Fapiao Drawer", help="开票人, as registered at the tax bureau."
    )
    mall_fapiao_kind = fields.Selection(
        [("special", "Digital special VAT fapiao"), ("normal", "Digital normal fapiao")],
        string="Default Fapiao Kind",
        default="normal",
    )
    mall_fapiao_on_payment = fields.Boolean(
        string="Fapiao on Payment", help="Request the fapiao automatically when an invoice is paid."
    )

    def _mall_fapiao_provider(self):
        """The provider adapter configured for this company."""
        self.ensure_one()
        company = self.sudo()
        return NuonuoProvider(
            company.mall_fapiao_url or "",
            company.mall_fapiao_app_key or "",
            company.mall_fapiao_app_secret or "",
            company.vat or "",
            token=company.mall_fapiao_token or None,
        )

    def _mall_fapiao_callback_url(self):
        self.ensure_one()
        secret = self.sudo().mall_fapiao_callback_secret
        if not secret:
            return ""
        base = self.env["ir.config_parameter"].sudo().get_param("web.base.url")
        return f"{base}/mall_einvoice/callback/{self.id}/{secret}"
