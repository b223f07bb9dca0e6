from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    mall_notice_on_post = fields.Boolean(related="company_id.mall_notice_on_post", readonly=False)
    mall_notice_sms = fields.Boolean(related="company_id.mall_notice_sms", readonly=False)
    mall_statement_auto = fields.Boolean(related="company_id.mall_statement_auto", readonly=False)
