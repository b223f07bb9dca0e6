from odoo import fields, models
from odoo.tools import SQL


class AccountPaymentRegister(models.TransientModel):
    """A payment registered once per wizard: a double click on *Create Payment* (or a request
    sent again) returns the payment already made instead of paying the invoice twice."""

    _inherit = "account.payment.register"

    mall_payment_ids = fields.Many2many(
        "account.payment",
        "mall_payment_register_payment_rel",
        string="Payments Made",
        readonly=True,
    )
    mall_payments_done = fields.Boolean(readonly=True)

    def _create_payments(self):
        self.ensure_one()
        if isinstance(self.id, int):
            # A second request of the same wizard waits here for the first; the flag written
            # below gives the row a new version, so that the second fails on this lock (Odoo's
            # repeatable read) and Odoo retries it, when it finds the payments made.
            self.env.cr.execute(
                SQL("SELECT id FROM account_payment_register WHERE id = %s FOR UPDATE", self.id)
            )
            self.invalidate_recordset(["mall_payment_ids", "mall_payments_done"])
        if self.mall_payments_done:
            return self.mall_payment_ids
        payments = super()._create_payments()
        self.write(
            {"mall_payment_ids": [fields.Command.set(payments.ids)], "mall_payments_done": True}
        )
        return payments
