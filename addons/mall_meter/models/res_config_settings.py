from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    mall_meter_api_token = fields.Char(
        string="Meter Reading API Token", config_parameter="mall_billing.meter_api_token",
        help="Bearer token of the collection systems posting to /mall/api/meter_readings.")
