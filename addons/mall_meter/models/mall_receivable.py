from odoo import fields, models


class MallReceivable(models.Model):
    """Metered consumption on the receivable schedule: one receivable per billable reading
    and lease line (a common meter's reading bills each leased unit its share)."""

    _inherit = "mall.receivable"

    source = fields.Selection(
        selection_add=[("meter", "Meter Reading")], ondelete={"meter": "set manual"}
    )
    reading_id = fields.Many2one("mall.meter.reading", index="btree_not_null", ondelete="set null")

    _reading_unique = models.UniqueIndex(
        "(reading_id, lease_line_id) NULLS NOT DISTINCT WHERE state != 'cancelled' "
        "AND reading_id IS NOT NULL",
        "This meter reading is already on the receivable schedule.",
    )
