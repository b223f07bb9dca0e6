from odoo import fields, models

DEPOSIT_OPERATIONS = [
    ("offset", "Deposit Offset against Arrears"),
    ("refund", "Deposit Refund"),
]


class AccountMove(models.Model):
    _inherit = "account.move"

    mall_lease_id = fields.Many2one(
        "mall.lease", string="Lease", index="btree_not_null", readonly=True, copy=False)
    mall_receivable_ids = fields.One2many(
        "mall.receivable", "move_id", string="Receivables", readonly=True)
    mall_deposit_operation = fields.Selection(
        DEPOSIT_OPERATIONS, string="Deposit Operation", readonly=True, copy=False,
        help="Set on the journal entries that take deposits off the liability account: an "
             "offset against the tenant's open invoices or a refund to the tenant.")
    mall_billing_run_id = fields.Many2one(
        "mall.billing.run", string="Billing Run", index="btree_not_null", readonly=True,
        copy=False)

    def _mall_release_receivables(self):
        """A cancelled or deleted invoice gives its receivables back to the schedule: the next
        billing run bills them again."""
        receivables = self.sudo().mall_receivable_ids.filtered(lambda r: r.state != "cancelled")
        if receivables:
            receivables.write({"move_id": False})

    def button_cancel(self):
        result = super().button_cancel()
        self.filtered(lambda m: m.state == "cancel")._mall_release_receivables()
        return result

    def unlink(self):
        self._mall_release_receivables()
        return super().unlink()
