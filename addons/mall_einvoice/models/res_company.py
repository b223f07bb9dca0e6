from datetime import timedelta

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
    mall_fapiao_token_expiry = fields.Datetime(
        string="Fapiao Token Expiry", groups="base.group_system"
    )
    mall_fapiao_order_prefix = fields.Char(
        string="Fapiao Order Prefix",
        size=4,
        default="MF",
        help="Starts every order number sent to the provider; unique per system issuing for "
        "this seller.",
    )
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
    mall_fapiao_trigger = fields.Selection(
        [
            ("payment", "When the invoice is paid"),
            ("post", "When the invoice is posted"),
            ("manual", "By hand"),
        ],
        string="Issue Fapiao",
        default="payment",
        required=True,
        help="When fapiao are requested and sent to the provider for customer invoices.",
    )
    mall_fapiao_push = fields.Boolean(
        string="Email Issued Fapiao",
        default=True,
        help="Send each issued fapiao with its files to the tenant by email.",
    )

    def _mall_fapiao_provider(self):
        """The provider adapter configured for this company. The access token is kept on the
        company until it expires (24 h) and fetched again when the provider refuses it."""
        self.ensure_one()
        company = self.sudo()
        token = company.mall_fapiao_token or None
        expiry = company.mall_fapiao_token_expiry
        if token and expiry and expiry <= fields.Datetime.now():
            token = None

        def remember(new_token, expires_in):
            values = {"mall_fapiao_token": new_token, "mall_fapiao_token_expiry": False}
            if expires_in:
                # a little early, so that a token never dies in the middle of a call
                values["mall_fapiao_token_expiry"] = fields.Datetime.now() + timedelta(
                    seconds=max(int(expires_in) - 300, 0)
                )
            company.write(values)

        return NuonuoProvider(
            company.mall_fapiao_url or "",
            company.mall_fapiao_app_key or "",
            company.mall_fapiao_app_secret or "",
            company.vat or "",
            token=token,
            on_token=remember,
        )

    def _mall_fapiao_callback_url(self):
        """Where the provider pushes results: no secret in it (the push is signed, see
        controllers/main.py); none without a callback secret."""
        self.ensure_one()
        if not self.sudo().mall_fapiao_callback_secret:
            return ""
        base = self.env["ir.config_parameter"].sudo().get_param("web.base.url")
        return f"{base}/mall_einvoice/callback/{self.id}"
