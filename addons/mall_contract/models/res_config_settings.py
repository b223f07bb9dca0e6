from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    mall_lease_currency_id = fields.Many2one(
        related="company_id.currency_id", string="Lease Currency"
    )
    mall_lease_discount_threshold = fields.Float(
        related="company_id.mall_lease_discount_threshold", readonly=False
    )
    mall_lease_value_threshold = fields.Monetary(
        related="company_id.mall_lease_value_threshold",
        readonly=False,
        currency_field="mall_lease_currency_id",
    )
    mall_lease_reminder_days = fields.Char(
        related="company_id.mall_lease_reminder_days", readonly=False
    )
    mall_lease_expiring_days = fields.Integer(
        related="company_id.mall_lease_expiring_days", readonly=False
    )
