from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

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
