from markupsafe import Markup

from odoo import _, fields, models
from odoo.exceptions import AccessError, UserError

from ..lib.reading_input import parse_value


class MallMeterReading(models.Model):
    """Correction of a billed reading (抄表更正): the only way to change a reading once its
    consumption is on a receivable. What was billed is credited (a credit note of exactly the
    metered lines through Accounting's ``_reverse_moves``, or the planned receivable cancelled
    when it is not invoiced yet), the reading takes its new value, and its consumption and its
    successor's are planned again; the reason is written in the chatter of the meter and of
    the leases concerned."""

    _inherit = "mall.meter.reading"

    def _correct(self, value, reason):
        """Correct this billed reading to ``value`` for ``reason``; returns the credit notes."""
        self.ensure_one()
        if not self.env.user.has_group("mall_leasing.group_finance_user"):
            raise AccessError(_("Only finance users can correct billed readings."))
        reason = (reason or "").strip()
        if not reason:
            raise UserError(_("Give the reason of the correction."))
        value = parse_value(self.env, value)
        later = self.search(
            [("meter_id", "=", self.meter_id.id), ("date", ">", self.date)],
            order="date, id",
            limit=1,
        )
        affected = self | later
        old_receivables = affected.receivable_ids.filtered(lambda r: r.state != "cancelled")
        credit_notes = old_receivables._meter_credit(reason)
        old_value = self.value
        self.with_context(mall_reading_correction=True, mall_reading_evaluate=True).write(
            {"value": value}
        )
        rebilled = affected.filtered("is_billable")._create_receivables()
        self._log_correction(old_value, reason, old_receivables, credit_notes, rebilled)
        return credit_notes

    def _log_correction(self, old_value, reason, old_receivables, credit_notes, rebilled):
        # loops, not generators: _() finds its language in this frame
        items = []
        for rec in old_receivables:
            items.append(_("Credited: %(name)s %(amount)s", name=rec.name, amount=rec.amount))
        for move in credit_notes:
            items.append(_("Credit note: %(name)s", name=move.name))
        for rec in rebilled:
            items.append(_("Billed again: %(name)s %(amount)s", name=rec.name, amount=rec.amount))
        title = _(
            "Billed reading of %(date)s corrected from %(old)s to %(new)s: %(reason)s",
            date=self.date,
            old=old_value,
            new=self.value,
            reason=reason,
        )
        body = Markup("<p>%s</p><ul>%s</ul>") % (
            title,
            Markup().join(Markup("<li>%s</li>") % item for item in items),
        )
        author = self.env.user.partner_id.id
        # the author is the finance user; the lease's chatter is written whatever its rights
        self.meter_id.sudo().message_post(body=body, author_id=author)
        for lease in (old_receivables | rebilled).lease_id:
            lease.sudo().message_post(body=body, author_id=author)


class MallReceivable(models.Model):
    _inherit = "mall.receivable"

    credit_move_id = fields.Many2one(
        "account.move",
        string="Credit Note",
        readonly=True,
        copy=False,
        ondelete="set null",
        help="The credit note of this metered receivable, after a correction of its reading.",
    )

    def _meter_credit(self, reason):
        """Take these metered receivables back: planned ones are cancelled; invoiced or paid
        ones get a credit note of their own lines (the reversal of their invoice reduced to
        them), posted and reconciled with the invoice while that is open. Returns the credit
        notes."""
        credit_notes = self.env["account.move"]
        today = fields.Date.context_today(self)
        invoiced = self.filtered("move_id")
        for move in invoiced.move_id:
            receivables = invoiced.filtered(lambda r, move=move: r.move_id == move)
            move = move.sudo()
            credit = move._reverse_moves(
                [
                    {
                        "invoice_date": today,
                        "date": today,
                        "invoice_payment_term_id": False,
                        "ref": _("Meter reading correction: %(reason)s", reason=reason),
                    }
                ]
            )
            wanted = [(r.name, r.amount) for r in receivables]
            commands = []
            for line in credit.invoice_line_ids.filtered(lambda aml: aml.display_type == "product"):
                key = next(
                    (
                        k
                        for k in wanted
                        if k[0] == line.name
                        and move.currency_id.compare_amounts(k[1], line.price_unit) == 0
                    ),
                    None,
                )
                if key:
                    wanted.remove(key)
                else:
                    commands.append((2, line.id))
            if wanted:
                raise UserError(
                    _(
                        "The lines of %(names)s are no longer on invoice %(invoice)s: "
                        "credit it by hand.",
                        names=", ".join(name for name, _amount in wanted),
                        invoice=move.name,
                    )
                )
            if commands:
                credit.write({"invoice_line_ids": commands})
            credit.action_post()
            if move.payment_state not in ("paid", "in_payment", "reversed"):
                (credit.line_ids | move.line_ids).filtered(
                    lambda aml: (
                        aml.account_id.account_type == "asset_receivable" and not aml.reconciled
                    )
                ).reconcile()
            receivables.sudo().write({"credit_move_id": credit.id})
            credit_notes |= credit
        self.sudo().write({"state": "cancelled"})
        return credit_notes.with_env(self.env)
