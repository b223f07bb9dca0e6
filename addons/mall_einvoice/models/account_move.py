from odoo import _, api, fields, models
from odoo.exceptions import UserError


class AccountMove(models.Model):
    _inherit = "account.move"

    mall_fapiao_ids = fields.One2many("mall.fapiao", "move_id", string="Fapiao")
    mall_fapiao_state = fields.Selection(
        [
            ("none", "Not requested"),
            ("pending", "In progress"),
            ("issued", "Issued"),
            ("failed", "Failed"),
        ],
        string="Fapiao Status",
        compute="_compute_mall_fapiao_state",
    )

    @api.depends("mall_fapiao_ids.state")
    def _compute_mall_fapiao_state(self):
        for move in self:
            states = set(move.mall_fapiao_ids.mapped("state"))
            if not states:
                move.mall_fapiao_state = "none"
            elif "failed" in states:
                move.mall_fapiao_state = "failed"
            elif states == {"issued"}:
                move.mall_fapiao_state = "issued"
            else:
                move.mall_fapiao_state = "pending"

    def _mall_create_fapiao(self):
        """Create the fapiao requests of posted customer invoices that have none yet."""
        moves = self.filtered(lambda move: not move.mall_fapiao_ids)
        wrong = moves.filtered(
            lambda move: move.move_type != "out_invoice" or move.state != "posted"
        )
        if wrong:
            raise UserError(
                _(
                    "Fapiao are requested for posted customer invoices only: %s.",
                    ", ".join(wrong.mapped("display_name")),
                )
            )
        return self.env["mall.fapiao"].create(self.env["mall.fapiao"]._prepare_from_moves(moves))

    def action_mall_request_fapiao(self):
        """Button: create the fapiao requests and show them."""
        fapiao = self._mall_create_fapiao() or self.mall_fapiao_ids
        return {
            "type": "ir.actions.act_window",
            "name": _("Fapiao"),
            "res_model": "mall.fapiao",
            "view_mode": "list,form",
            "domain": [("id", "in", fapiao.ids)],
        }

    def _invoice_paid_hook(self):
        res = super()._invoice_paid_hook()
        auto = self.filtered(
            lambda move: (
                move.company_id.mall_fapiao_on_payment
                and move.move_type == "out_invoice"
                and not move.mall_fapiao_ids
            )
        )
        if auto:
            fapiao = auto._mall_create_fapiao()
            # a missing tax code must not block the payment: leave those in draft for the clerk
            ready = fapiao.filtered(lambda rec: all(rec.line_ids.mapped("tax_code")))
            ready.action_submit()
        return res
