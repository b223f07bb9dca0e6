from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    mall_finance_api_token = fields.Char(
        string="Finance API Token", config_parameter="mall_billing.finance_api_token",
        help="Bearer token of the finance system reading /mall/api/finance/invoices and "
             "/mall/api/finance/payments.")
