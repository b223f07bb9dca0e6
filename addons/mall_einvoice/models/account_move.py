from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError


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
        """Queue the fapiao requests of the invoices whose company issues on ``trigger`` (and
        has a provider: without one, the invoice waits in the report of paid invoices without
        fapiao).

        Nothing about the fapiao is checked here, inside the posting's or the payment's
        transaction: a fapiao problem (a missing tax code, a property without address) must
        never block a posting or a payment. The job makes the requests afterwards and shows
        what stops them to finance as an activity."""
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
        for move in moves:
            move.sudo().with_delay(
                identity_key=f"account.move._job_mall_fapiao_request:{move.id}",
                description=_("Request the fapiao of %(invoice)s", invoice=move.name),
            )._job_mall_fapiao_request()
        return moves

    def _job_mall_fapiao_request(self):
        """Queued job: make this invoice's fapiao requests and send those that are ready. A
        request that cannot be made (the invoice is refused whole) becomes an activity on the
        invoice, one that is not ready an activity on the request, with the reason."""
        self.ensure_one()
        if self.mall_fapiao_ids or self.state != "posted":
            return f"nothing to request for {self.name}"
        Fapiao = self.env["mall.fapiao"]
        try:
            with self.env.cr.savepoint():
                fapiao = self._mall_create_fapiao()
                self.env.flush_all()
        except (UserError, ValidationError) as error:
            Fapiao._problem_activity(self, error.args[0])
            return f"{self.name}: {error.args[0]}"
        for request in fapiao:
            reason = request._missing()
            if reason:
                Fapiao._problem_activity(request, reason)
        fapiao._ready().action_submit()
        return f"{self.name}: {len(fapiao)} fapiao requested"

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
