from odoo import fields, models

DEPOSIT_OPERATIONS = [
    ("offset", "Deposit Offset against Arrears"),
    ("refund", "Deposit Refund"),
]


class AccountMove(models.Model):
    _inherit = "account.move"

    mall_deposit_operation = fields.Selection(
        DEPOSIT_OPERATIONS,
        string="Deposit Operation",
        readonly=True,
        copy=False,
        help="Set on the journal entries that take deposits off the liability account: an "
        "offset against the tenant's open invoices or a refund to the tenant.",
    )
