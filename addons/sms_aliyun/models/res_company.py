from odoo import fields, models

from ..lib.aliyun_protocol import DEFAULT_ENDPOINT
from ..lib.sms_api import SmsApiAliyun


class ResCompany(models.Model):
    _inherit = "res.company"

    # Named and shaped as sms_twilio's field, so that a company chooses its provider the same
    # way; installing both addons on one database needs a bridge (see readme/CONFIGURE.md).
    sms_provider = fields.Selection(
        string="SMS Provider",
        selection=[("iap", "Send via Odoo"), ("aliyun", "Send via Aliyun")],
        default="iap",
    )
    sms_aliyun_endpoint = fields.Char(
        string="Aliyun SMS Endpoint",
        default=DEFAULT_ENDPOINT,
        help="URL of the Aliyun SMS (dysmsapi) service, or of a gateway speaking its protocol.",
    )
    sms_aliyun_access_key_id = fields.Char(string="AccessKey ID", groups="base.group_system")
    sms_aliyun_access_key_secret = fields.Char(
        string="AccessKey Secret", groups="base.group_system"
    )
    sms_aliyun_sign_name = fields.Char(
        string="Sign Name", help="The signature (签名) Aliyun approved, e.g. 星光广场."
    )
    sms_aliyun_template_code = fields.Char(
        string="Template Code",
        help="The approved generic template (e.g. SMS_000001) whose one variable ${content} "
        "carries the text Odoo composed.",
    )

    def _get_sms_api_class(self):
        self.ensure_one()
        if self.sms_provider == "aliyun":
            return SmsApiAliyun
        return super()._get_sms_api_class()
