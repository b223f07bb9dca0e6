from odoo import fields, models


class AccountMove(models.Model):
    _inherit = "account.move"

    mall_lease_id = fields.Many2one(
        "mall.lease", string="Lease", index="btree_not_null", readonly=True, copy=False)
    mall_receivable_ids = fields.One2many(
        "mall.receivable", "move_id", string="Receivables", readonly=True)
