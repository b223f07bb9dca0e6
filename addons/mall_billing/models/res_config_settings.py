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
    mall_billing_start_date = fields.Date(
        related="company_id.mall_billing_start_date", readonly=False)
    mall_billing_separate_rent = fields.Boolean(
        related="company_id.mall_billing_separate_rent", readonly=False)
