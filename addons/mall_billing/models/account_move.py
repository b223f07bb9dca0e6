from odoo import fields, models


class AccountMove(models.Model):
    _inherit = "account.move"

    mall_lease_id = fields.Many2one(
        "mall.lease", string="Lease", index="btree_not_null", readonly=True, copy=False
    )
    mall_receivable_ids = fields.One2many(
        "mall.receivable", "move_id", string="Receivables", readonly=True
    )
    mall_billing_run_id = fields.Many2one(
        "mall.billing.run", string="Billing Run", index="btree_not_null", readonly=True, copy=False
    )

    def _get_last_sequence(self, relaxed=False, with_prefix=None):
        # The billing run posts hundreds of invoices of one journal and date at once: the
        # last number is looked up once per batch. Stale values are harmless here: once the
        # first number is locked, the sequence mixin increments its own per-transaction
        # counter and only takes the format from this value.
        cache = self.env.context.get("mall_sequence_cache")
        if cache is None:
            return super()._get_last_sequence(relaxed=relaxed, with_prefix=with_prefix)
        key = (self.journal_id.id, self.date, self.move_type, relaxed, with_prefix)
        if key not in cache:
            cache[key] = super()._get_last_sequence(relaxed=relaxed, with_prefix=with_prefix)
        return cache[key]

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
