from odoo import _, api, fields, models
from odoo.exceptions import UserError


class AccountMove(models.Model):
    _inherit = "account.move"

    mall_fapiao_ids = fields.One2many("mall.fapiao", "move_id", string="Fapiao")
    mall_fapiao_state = fields.Selection(
        [
            ("none", "Not requested"),
            ("draft", "To issue"),
            ("pending", "In progress"),
            ("issued", "Issued"),
            ("failed", "Failed"),
            ("reversed", "Reversed"),
        ],
        string="Fapiao Status",
        compute="_compute_mall_fapiao_state",
        store=True,
        index=True,
    )
    mall_fapiao_count = fields.Integer(compute="_compute_mall_fapiao_count", string="Fapiao Count")

    @api.depends("mall_fapiao_ids")
    def _compute_mall_fapiao_count(self):
        for move in self:
            move.mall_fapiao_count = len(move.mall_fapiao_ids)

    @api.depends("mall_fapiao_ids.state", "mall_fapiao_ids.is_red", "mall_fapiao_ids.red_state")
    def _compute_mall_fapiao_state(self):
        for move in self:
            blue = move.mall_fapiao_ids.filtered(lambda fapiao: not fapiao.is_red)
            states = set(blue.mapped("state"))
            if not states:
                move.mall_fapiao_state = "none"
            elif "failed" in states:
                move.mall_fapiao_state = "failed"
            elif states == {"issued"}:
                fully_red = all(fapiao.red_state == "full" for fapiao in blue)
                move.mall_fapiao_state = "reversed" if fully_red else "issued"
            elif states == {"draft"}:
                move.mall_fapiao_state = "draft"
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
                    "Fapiao are requested for posted customer invoices only: %(invoices)s.",
                    invoices=", ".join(wrong.mapped("display_name")),
                )
            )
        return self.env["mall.fapiao"].create(self.env["mall.fapiao"]._prepare_from_moves(moves))

    def _mall_fapiao_auto(self, trigger):
        """Request and send the fapiao of the invoices whose company issues on ``trigger``
        (and has a provider: without one, the invoice waits in the report of paid invoices
        without fapiao).

        A request that is not ready (a missing tax code, a rent without address) stays in draft
        for the clerk: it must never block a posting or a payment."""
        moves = self.filtered(
            lambda move: (
                move.company_id.mall_fapiao_trigger == trigger
                and move.company_id.sudo().mall_fapiao_url
                and move.move_type == "out_invoice"
                and move.state == "posted"
                and not move.mall_fapiao_ids
                and not move.currency_id.is_zero(move.amount_total)
            )
        )
        if not moves:
            return self.env["mall.fapiao"]
        fapiao = moves.sudo()._mall_create_fapiao()
        fapiao._ready().action_submit()
        # ask once at once: a fast provider has issued already, so the tenant who just paid
        # finds the fapiao in the portal; otherwise the polling cron takes over
        fapiao.filtered(lambda rec: rec.state == "issuing").action_refresh()
        return fapiao

    def action_mall_request_fapiao(self):
        """Button: create the fapiao requests and show them."""
        fapiao = self._mall_create_fapiao() or self.mall_fapiao_ids
        return fapiao._action_open()

    def action_mall_view_fapiao(self):
        return self.mall_fapiao_ids._action_open()

    def _post(self, soft=True):
        posted = super()._post(soft=soft)
        posted._mall_fapiao_auto("post")
        return posted

    def _invoice_paid_hook(self):
        res = super()._invoice_paid_hook()
        self._mall_fapiao_auto("payment")
        return res
