import logging
from datetime import timedelta

from psycopg2.errors import LockNotAvailable

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..lib import amounts, provider

_logger = logging.getLogger(__name__)

LAPSE_HOURS = 72
# 确认单 states (hzqrxxztDm, docs/fapiao.md §6)
FORM_STATES = [
    ("draft", "Draft"),
    ("01", "01 No confirmation needed"),
    ("02", "02 Raised by seller, awaiting buyer"),
    ("03", "03 Raised by buyer, awaiting seller"),
    ("04", "04 Confirmed by both"),
    ("05", "05 Void: buyer refused"),
    ("06", "06 Void: seller refused"),
    ("07", "07 Void: not confirmed within 72 hours"),
    ("08", "08 Void: revoked by the raiser"),
    ("09", "09 Void: revoked after confirmation"),
    ("10", "10 Void: abnormal voucher"),
]
OPEN_STATES = ("02", "03")
ISSUING_STATES = ("01", "04")


class MallFapiaoRedForm(models.Model):
    """红字发票信息确认单: the only way to reverse a 数电 fapiao. Sent to the provider, it is
    either issued at once (01, the buyer had not yet confirmed the blue fapiao for use) or
    waits for the other side (02/03) until confirmed (04, the red fapiao is issued), refused,
    revoked or lapsed after 72 hours (07). The red fapiao, once issued, makes the credit note
    in Accounting."""

    _name = "mall.fapiao.red.form"
    _description = "Red-Letter Confirmation Form"
    _inherit = ["mail.thread"]
    _order = "id desc"

    name = fields.Char(string="Form Number", readonly=True, copy=False, default="/")
    blue_id = fields.Many2one(
        "mall.fapiao",
        string="Blue Fapiao",
        required=True,
        index=True,
        ondelete="restrict",
        domain=[("state", "=", "issued"), ("is_red", "=", False)],
    )
    company_id = fields.Many2one(related="blue_id.company_id", store=True)
    currency_id = fields.Many2one(related="blue_id.currency_id")
    partner_id = fields.Many2one(related="blue_id.partner_id", store=True, string="Tenant")
    reason = fields.Selection(
        [
            ("01", "Invoicing error"),
            ("02", "Goods returned"),
            ("03", "Service stopped"),
            ("04", "Sales allowance"),
        ],
        required=True,
        default="01",
        tracking=True,
    )
    scope = fields.Selection(
        [("full", "Full"), ("partial", "Partial")], compute="_compute_totals", store=True
    )
    state = fields.Selection(FORM_STATES, default="draft", required=True, tracking=True, index=True)
    line_ids = fields.One2many("mall.fapiao.red.form.line", "form_id", string="Lines")
    amount_total = fields.Monetary(string="Total Incl. Tax", compute="_compute_totals", store=True)
    submit_date = fields.Datetime(readonly=True, copy=False)
    lapse_date = fields.Datetime(
        string="Lapses On", compute="_compute_lapse_date", help="72 hours after it was raised."
    )
    red_fapiao_id = fields.Many2one("mall.fapiao", readonly=True)
    credit_note_id = fields.Many2one(related="red_fapiao_id.credit_note_id")

    @api.depends("line_ids.total", "line_ids.quantity", "line_ids.price_unit")
    def _compute_totals(self):
        for form in self:
            form.amount_total = float(amounts.fen(sum(form.line_ids.mapped("total"))))
            blue = form.blue_id
            full = amounts.fen(-form.amount_total) == amounts.fen(blue.amount_total)
            form.scope = "full" if full else "partial"

    @api.depends("submit_date")
    def _compute_lapse_date(self):
        for form in self:
            form.lapse_date = form.submit_date and form.submit_date + timedelta(hours=LAPSE_HOURS)

    @api.model
    def _prepare_vals(self, blue):
        if blue.state != "issued" or blue.is_red:
            raise UserError(_("Only an issued blue fapiao can be reversed."))
        if blue.red_state == "full":
            raise UserError(_("Fapiao %(number)s is already fully reversed.", number=blue.number))
        lines = []
        for line in blue.line_ids:
            done = sum(
                blue.red_ids.filtered(lambda red: red.state != "failed")
                .line_ids.filtered(lambda red_line, line=line: red_line.blue_line_id == line)
                .mapped("quantity")
            )
            quantity = line.quantity + done  # red quantities are negative
            if quantity > 0:
                lines.append(
                    (
                        0,
                        0,
                        {
                            "blue_line_id": line.id,
                            "quantity": quantity,
                            "price_unit": line.price_unit,
                        },
                    )
                )
        return {"blue_id": blue.id, "line_ids": lines}

    # ------------------------------------------------------------------ provider
    def action_submit(self):
        """Raise the form at the provider, once: a form already raised is left as it is, and a
        second submission of the same form while the first is under way (a double click) is
        refused, so the provider never gets the form twice."""
        todo = self._lock_for_submit().filtered(lambda rec: rec.state == "draft")
        for form in todo:
            lines = form.line_ids.filtered(lambda line: line.quantity and line.price_unit)
            if not lines:
                raise UserError(_("Reverse at least one line."))
            (form.line_ids - lines).unlink()
            pending = form.blue_id.red_form_ids.filtered(
                lambda other, form=form: other != form and other.state in OPEN_STATES
            )
            if pending:
                raise UserError(
                    _(
                        "Form %(form)s for this fapiao still awaits confirmation: confirm, "
                        "revoke or let it lapse first.",
                        form=pending[0].name,
                    )
                )
            adapter = form.company_id._mall_fapiao_provider()
            try:
                result = adapter.red_form_save(
                    {
                        "blue_number": form.blue_id.number,
                        "reason": form.reason,
                        "lines": [
                            {
                                "index": line.blue_line_id.sequence,
                                "name": line.blue_line_id.name,
                                "tax_code": line.blue_line_id.tax_code,
                                "quantity": -line.quantity,
                                "price": line.price_unit,
                                "price_include": line.blue_line_id.price_include,
                                "rate": line.blue_line_id.tax_rate,
                                "amount": line.amount,
                                "tax": line.tax,
                                "total": line.total,
                            }
                            for line in form.line_ids
                        ],
                    }
                )
            except provider.ProviderError as error:
                raise UserError(
                    _(
                        "The provider refused the red-letter form: %(error)s",
                        error=f"{error.code}: {error.message}",
                    )
                ) from error
            form.write(
                {
                    "name": result["form_id"],
                    "state": result["state"],
                    "submit_date": fields.Datetime.now(),
                }
            )
        todo._refresh_red()
        return True

    def _lock_for_submit(self):
        """Lock these forms' rows until the end of the transaction and read their state
        afresh: a concurrent submission waits for none and is refused."""
        if not self:
            return self
        self.flush_recordset()
        try:
            with self.env.cr.savepoint(flush=False):
                self.env.cr.execute(
                    "SELECT id FROM mall_fapiao_red_form WHERE id IN %s FOR UPDATE NOWAIT",
                    [tuple(self.ids)],
                )
        except LockNotAvailable as error:
            raise UserError(
                _("This red-letter form is being submitted already: wait a moment and reload.")
            ) from error
        self.invalidate_recordset(["state", "name"])
        return self

    def action_refresh(self):
        """Fetch the form's state (and its red fapiao) from the provider."""
        forms = self.filtered(lambda rec: rec.state in OPEN_STATES + ISSUING_STATES)
        for form in forms:
            adapter = form.company_id._mall_fapiao_provider()
            try:
                result = adapter.red_form_query(form.name)
            except provider.ProviderError as error:
                _logger.warning("red form %s: query failed: %s", form.name, error)
                continue
            if result["state"] != form.state:
                form.state = result["state"]
        forms._refresh_red()
        self._lapse()
        return True

    def _refresh_red(self):
        """Forms in 01/04: the provider issues the red fapiao; follow it as a mall.fapiao."""
        for form in self.filtered(lambda rec: rec.state in ISSUING_STATES):
            if not form.red_fapiao_id:
                form.red_fapiao_id = form._create_red_fapiao()
            red = form.red_fapiao_id
            if red.state in ("submitted", "issuing", "draft"):
                if not red.serial:
                    try:
                        result = form.company_id._mall_fapiao_provider().red_form_query(form.name)
                    except provider.ProviderError:
                        continue
                    if result["red_serial"]:
                        red.write({"serial": result["red_serial"], "state": "issuing"})
                if red.serial:
                    red.action_refresh()

    def _create_red_fapiao(self):
        self.ensure_one()
        blue = self.blue_id
        return self.env["mall.fapiao"].create(
            {
                "move_id": blue.move_id.id,
                "is_red": True,
                "blue_id": blue.id,
                "red_form_id": self.id,
                "kind": blue.kind,
                "state": "submitted",
                "buyer_name": blue.buyer_name,
                "buyer_tax_number": blue.buyer_tax_number,
                "buyer_address": blue.buyer_address,
                "buyer_phone": blue.buyer_phone,
                "buyer_bank": blue.buyer_bank,
                "buyer_account": blue.buyer_account,
                "remark": _("Reverses fapiao %(number)s", number=blue.number),
                "is_rent": blue.is_rent,
                "rent_region": blue.rent_region,
                "rent_address": blue.rent_address,
                "rent_date_start": blue.rent_date_start,
                "rent_date_end": blue.rent_date_end,
                "rent_cross_city": blue.rent_cross_city,
                "rent_certificate": blue.rent_certificate,
                "line_ids": [
                    (
                        0,
                        0,
                        {
                            "sequence": line.blue_line_id.sequence,
                            "blue_line_id": line.blue_line_id.id,
                            "move_line_id": line.blue_line_id.move_line_id.id,
                            "product_id": line.blue_line_id.product_id.id,
                            "name": line.blue_line_id.name,
                            "tax_code": line.blue_line_id.tax_code,
                            "preferential": line.blue_line_id.preferential,
                            "quantity": -line.quantity,
                            "price_unit": line.price_unit,
                            "price_include": line.blue_line_id.price_include,
                            "tax_rate": line.blue_line_id.tax_rate,
                            "is_rent": line.blue_line_id.is_rent,
                        },
                    )
                    for line in self.line_ids
                ],
            }
        )

    def _lapse(self):
        """A form the other side has not confirmed within 72 hours is void (07), even when
        the provider has not said so yet."""
        limit = fields.Datetime.now() - timedelta(hours=LAPSE_HOURS)
        lapsed = self.filtered(
            lambda rec: rec.state in OPEN_STATES and rec.submit_date and rec.submit_date <= limit
        )
        lapsed.write({"state": "07"})

    def action_confirm(self):
        """Agree to a form the buyer raised (03)."""
        return self._answer(True)

    def action_reject(self):
        """Refuse a form the buyer raised (03)."""
        return self._answer(False)

    def _answer(self, agree):
        for form in self:
            if form.state != "03":
                raise UserError(_("Only a form raised by the buyer awaits your answer."))
            try:
                result = form.company_id._mall_fapiao_provider().red_form_confirm(
                    form.name, agree=agree
                )
            except provider.ProviderError as error:
                raise UserError(
                    _("%(code)s: %(message)s", code=error.code, message=error.message)
                ) from error
            form.state = (result or {}).get("billStatus") or ("04" if agree else "06")
        self._refresh_red()
        return True

    def action_revoke(self):
        """Withdraw a form this seller raised before the buyer answers (08)."""
        for form in self:
            if form.state != "02":
                raise UserError(_("Only a form awaiting the buyer's confirmation can be revoked."))
            try:
                form.company_id._mall_fapiao_provider().red_form_revoke(form.name)
            except provider.ProviderError as error:
                raise UserError(
                    _("%(code)s: %(message)s", code=error.code, message=error.message)
                ) from error
            form.state = "08"
        return True

    @api.model
    def _cron_refresh(self):
        """Scheduled: follow open forms and red fapiao under way; lapse forms after 72 h."""
        forms = self.search(
            [
                "|",
                ("state", "in", OPEN_STATES),
                "&",
                ("state", "in", ISSUING_STATES),
                ("red_fapiao_id.state", "not in", ("issued", "failed")),
            ],
            limit=200,
        )
        forms.action_refresh()
