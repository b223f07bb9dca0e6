from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    mall_billing_start_date = fields.Date(
        related="company_id.mall_billing_start_date", readonly=False
    )
    mall_billing_separate_rent = fields.Boolean(
        related="company_id.mall_billing_separate_rent", readonly=False
    )
