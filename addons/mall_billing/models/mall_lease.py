from odoo import fields, models


class MallLease(models.Model):
    _inherit = "mall.lease"

    receivable_ids = fields.One2many("mall.receivable", "lease_id", string="Receivables")
