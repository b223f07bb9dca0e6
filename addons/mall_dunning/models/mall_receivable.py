from odoo import fields, models


class MallReceivable(models.Model):
    """Late fees (滞纳金) on the receivable schedule: one receivable per overdue invoice and
    accrual period."""

    _inherit = "mall.receivable"

    source = fields.Selection(
        selection_add=[("late_fee", "Late Fee")], ondelete={"late_fee": "set manual"}
    )
    late_fee_move_id = fields.Many2one(
        "account.move",
        string="Overdue Invoice",
        index="btree_not_null",
        readonly=True,
        ondelete="restrict",
        help="The late invoice this late fee (滞纳金) accrues on.",
    )

    _late_fee_unique = models.UniqueIndex(
        "(late_fee_move_id, period_start) WHERE state != 'cancelled' "
        "AND late_fee_move_id IS NOT NULL",
        "This period of the late fee of this invoice is already on the receivable schedule.",
    )
