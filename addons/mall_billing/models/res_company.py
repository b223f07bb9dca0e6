from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    mall_billing_start_date = fields.Date(
        string="Billing Start Date",
        help="Receivables of periods ending before this date, and deposits of leases that "
        "started before it, are not planned: they were settled before the mall's billing "
        "moved into the system (go-live).",
    )
    mall_billing_separate_rent = fields.Boolean(
        string="Rent on Its Own Invoice",
        default=True,
        help="Rent (不动产经营租赁) goes on an invoice of its own, so that its fapiao carries the "
        "property's address and lease term and nothing else.",
    )
