from odoo import Command, _, api, fields, models
from odoo.tools import float_compare

from ..lib import amounts

# quantities and unit prices of fapiao lines carry up to 8 decimals (docs/fapiao.md §3)
LINE_DIGITS = 8


class MallFapiao(models.Model):
    """Red flush (红冲). A 数电 fapiao is never voided: it is reversed by a red fapiao through a
    red-letter form (mall.fapiao.red.form). The issued red fapiao makes the credit note in
    Accounting: Accounting's own reversal of the invoice (``account.move._reverse_moves``),
    reduced to what the red fapiao reverses."""

    _inherit = "mall.fapiao"

    red_ids = fields.One2many("mall.fapiao", "blue_id", string="Red Fapiao")
    red_form_ids = fields.One2many("mall.fapiao.red.form", "blue_id", string="Red-Letter Forms")
    credit_note_id = fields.Many2one("account.move", readonly=True)
    red_state = fields.Selection(
        [("none", "Not reversed"), ("partial", "Partly reversed"), ("full", "Fully reversed")],
        string="Red Flush",
        compute="_compute_red_state",
        store=True,
    )

    @api.depends("red_ids.state", "red_ids.amount_total", "amount_total")
    def _compute_red_state(self):
        for fapiao in self:
            reds = fapiao.red_ids.filtered(lambda red: red.state == "issued")
            if not reds:
                fapiao.red_state = "none"
                continue
            left = amounts.fen(fapiao.amount_total) + sum(
                (amounts.fen(red.amount_total) for red in reds), amounts.fen(0)
            )
            fapiao.red_state = "full" if left <= 0 else "partial"

    def action_red_flush(self):
        """Open a new red-letter form (红字确认单) for this fapiao, all lines reversed in full;
        lower the quantities or prices for a partial red flush."""
        self.ensure_one()
        form = self.env["mall.fapiao.red.form"].create(
            self.env["mall.fapiao.red.form"]._prepare_vals(self)
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": "mall.fapiao.red.form",
            "res_id": form.id,
            "view_mode": "form",
        }

    def _create_credit_note(self):
        """The credit note in Accounting of each issued red fapiao: the reversal of the invoice
        (``_reverse_moves``) with the lines, quantities and prices of the red fapiao, posted and
        reconciled with the invoice while that is still open."""
        today = fields.Date.context_today(self)
        for red in self.filtered(lambda rec: rec.is_red and not rec.credit_note_id):
            blue_move = red.move_id.sudo()
            credit = blue_move._reverse_moves(
                [
                    {
                        "invoice_date": today,
                        "date": today,
                        "invoice_payment_term_id": False,
                        "ref": _(
                            "Red fapiao %(number)s reversing %(blue)s",
                            number=red.number,
                            blue=red.blue_id.number,
                        ),
                    }
                ]
            )
            red._reduce_credit_note(credit)
            credit.action_post()
            red.credit_note_id = credit
            if blue_move.payment_state not in ("paid", "in_payment", "reversed"):
                (credit.line_ids | blue_move.line_ids).filtered(
                    lambda aml: (
                        aml.account_id.account_type == "asset_receivable" and not aml.reconciled
                    )
                ).reconcile()

    def _reduce_credit_note(self, credit):
        """Keep on the reversal ``credit`` of the invoice only what this red fapiao reverses:
        lines it does not carry go, lowered quantities and prices are taken over (a red fapiao
        line's price is net of the invoice line's discount)."""
        self.ensure_one()
        red_lines = {line.move_line_id: line for line in self.line_ids}
        # the reversal copies the invoice's lines in their order
        blue_lines = self.move_id.invoice_line_ids.filtered(
            lambda aml: aml.display_type == "product"
        )
        copies = credit.invoice_line_ids.filtered(lambda aml: aml.display_type == "product")
        commands = []
        for source, copy in zip(blue_lines, copies, strict=True):
            red_line = red_lines.get(source)
            if not red_line:
                commands.append(Command.unlink(copy.id))
                continue
            quantity = abs(red_line.quantity)
            net_price = source.price_unit * (1 - (source.discount or 0.0) / 100.0)
            if float_compare(quantity, source.quantity, LINE_DIGITS) or float_compare(
                red_line.price_unit, net_price, LINE_DIGITS
            ):
                commands.append(
                    Command.update(
                        copy.id,
                        {"quantity": quantity, "price_unit": red_line.price_unit, "discount": 0.0},
                    )
                )
        if commands:
            credit.write({"invoice_line_ids": commands})
