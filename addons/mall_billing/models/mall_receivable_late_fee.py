from odoo import fields, models


class MallReceivable(models.Model):
    _inherit = "mall.receivable"

    late_fee_move_id = fields.Many2one(
        "account.move", string="Overdue Invoice", index="btree_not_null", readonly=True,
        ondelete="restrict", help="The late invoice this late fee (滞纳金) accrues on.")
