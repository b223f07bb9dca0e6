from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    mall_meter_api_token = fields.Char(
        string="Meter Reading API Token", config_parameter="mall_billing.meter_api_token",
        help="Bearer token of the collection systems posting to /mall/api/meter_readings.")
    mall_finance_api_token = fields.Char(
        string="Finance API Token", config_parameter="mall_billing.finance_api_token",
        help="Bearer token of the finance system reading /mall/api/finance/invoices and "
             "/mall/api/finance/payments.")
    mall_notice_on_post = fields.Boolean(
        related="company_id.mall_notice_on_post", readonly=False)
    mall_notice_sms = fields.Boolean(related="company_id.mall_notice_sms", readonly=False)
    mall_statement_auto = fields.Boolean(
        related="company_id.mall_statement_auto", readonly=False)
    mall_sms_provider = fields.Selection(
        related="company_id.mall_sms_provider", readonly=False)
    mall_sms_endpoint = fields.Char(related="company_id.mall_sms_endpoint", readonly=False)
    mall_sms_access_key_id = fields.Char(
        related="company_id.mall_sms_access_key_id", readonly=False,
        groups="base.group_system")
    mall_sms_access_key_secret = fields.Char(
        related="company_id.mall_sms_access_key_secret", readonly=False,
        groups="base.group_system")
    mall_sms_sign_name = fields.Char(related="company_id.mall_sms_sign_name", readonly=False)
    mall_sms_template_code = fields.Char(
        related="company_id.mall_sms_template_code", readonly=False)
    mall_billing_start_date = fields.Date(
        related="company_id.mall_billing_start_date", readonly=False)
    mall_billing_separate_rent = fields.Boolean(
        related="company_id.mall_billing_separate_rent", readonly=False)
