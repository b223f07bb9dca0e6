from odoo import fields, models

from ..lib.aliyun_sms import AliyunSmsApi


class ResCompany(models.Model):
    _inherit = "res.company"

    mall_sms_provider = fields.Selection([
        ("iap", "Odoo IAP"),
        ("aliyun", "Chinese SMS gateway (Aliyun protocol)"),
    ], string="SMS Gateway", default="iap", required=True)
    mall_sms_endpoint = fields.Char(
        string="SMS Gateway URL", default="https://dysmsapi.aliyuncs.com/")
    mall_sms_access_key_id = fields.Char(string="AccessKey ID", groups="base.group_system")
    mall_sms_access_key_secret = fields.Char(
        string="AccessKey Secret", groups="base.group_system")
    mall_sms_sign_name = fields.Char(
        string="SMS Signature", help="签名 approved by the gateway, e.g. 星光广场.")
    mall_sms_template_code = fields.Char(
        string="SMS Template Code",
        help="Approved generic template whose variable ${content} carries the message.")

    def _get_sms_api_class(self):
        self.ensure_one()
        if self.mall_sms_provider == "aliyun":
            return AliyunSmsApi
        return super()._get_sms_api_class()
    mall_billing_start_date = fields.Date(
        string="Billing Start Date",
        help="Receivables of periods ending before this date, and deposits of leases that "
             "started before it, are not planned: they were settled before the mall's billing "
             "moved into the system (go-live).")
    mall_billing_separate_rent = fields.Boolean(
        string="Rent on Its Own Invoice", default=True,
        help="Rent (不动产经营租赁) goes on an invoice of its own, so that its fapiao carries the "
             "property's address and lease term and nothing else.")
