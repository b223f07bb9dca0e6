import logging
from collections import defaultdict
from datetime import timedelta

from odoo import _, api, fields, models
from odoo.addons.mall_leasing.lib.money import round_money
from odoo.addons.mall_leasing.lib.rmb import amount_in_words

_logger = logging.getLogger(__name__)


# Kept apart from account_move.py: the billing run and the notices are separate pieces of work.
# pylint: disable=consider-merging-classes-inherited
class AccountMove(models.Model):
    """Payment notices, late fees (滞纳金) and reminders (催缴) of the invoices of mall leases."""

    _inherit = "account.move"

    mall_notice_pending = fields.Boolean(
        string="Payment Notice Pending",
        copy=False,
        readonly=True,
        help="The payment notice (缴费通知单) will be sent by the next notice run.",
    )
    mall_notice_sent = fields.Boolean(string="Payment Notice Sent", copy=False, readonly=True)
    mall_late_fee = fields.Monetary(
        string="Late Fee Accrued",
        copy=False,
        readonly=True,
        help="滞纳金 accrued on this invoice up to the date below, by the late-fee rule of the "
        "lease (or of the charges).",
    )
    mall_late_fee_date = fields.Date(string="Late Fee Accrued To", copy=False, readonly=True)
    mall_late_fee_frozen = fields.Boolean(
        string="Late Fee Final",
        copy=False,
        readonly=True,
        help="The invoice is paid: its late fee no longer grows.",
    )
    mall_late_fee_receivable_ids = fields.One2many(
        "mall.receivable", "late_fee_move_id", string="Late Fee Receivables", readonly=True
    )
    mall_dunning_ids = fields.One2many("mall.dunning", "move_id", string="Reminders", readonly=True)
    mall_days_overdue = fields.Integer(string="Days Overdue", compute="_compute_mall_days_overdue")
    mall_dunning_date = fields.Date(
        string="Dunning Run On",
        copy=False,
        readonly=True,
        help="The day the late-fee and reminder run last dealt with this invoice: a run "
        "interrupted and started again that day does not deal with it twice.",
    )

    @api.depends("invoice_date_due", "amount_residual", "state")
    def _compute_mall_days_overdue(self):
        today = fields.Date.context_today(self)
        for move in self:
            due = move.invoice_date_due
            move.mall_days_overdue = (
                max((today - due).days, 0)
                if due and move.state == "posted" and move.amount_residual > 0
                else 0
            )

    def _mall_amount_upper(self, amount=None):
        """The amount in capital numerals (大写) for the printed notices; a UserError past
        what can be read."""
        self.ensure_one()
        return amount_in_words(self.env, self.amount_total if amount is None else amount)

    # ------------------------------------------------------------------ payment notice
    def _post(self, soft=True):
        posted = super()._post(soft=soft)
        notify = posted.filtered(
            lambda m: (
                m.move_type == "out_invoice"
                and m.mall_lease_id
                and m.company_id.mall_notice_on_post
            )
        )
        if notify:
            notify.mall_notice_pending = True
            self.env.ref("mall_dunning.ir_cron_mall_payment_notice")._trigger()
        return posted

    def action_mall_send_payment_notice(self):
        """Send the payment notice (缴费通知单) of the selected invoices now."""
        moves = self.filtered(
            lambda m: m.state == "posted" and m.move_type == "out_invoice" and m.mall_lease_id
        )
        moves._mall_send_payment_notice()
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "message": _("%(count)s payment notices sent.", count=len(moves)),
            },
        }

    def _mall_send_payment_notice(self):
        template = self.env.ref("mall_dunning.mail_template_payment_notice")
        sms_template = self.env.ref("mall_dunning.sms_template_payment_notice")
        for move in self:
            move.message_post_with_source(
                template, message_type="comment", subtype_xmlid="mail.mt_comment"
            )
            if move.company_id.mall_notice_sms:
                move._mall_queue_sms(sms_template)
        self.write({"mall_notice_pending": False, "mall_notice_sent": True})

    def _mall_queue_sms(self, sms_template):
        """Queue an SMS (``sms.sms``, Odoo's SMS framework) to the tenant's contact; the SMS
        queue sends it through the database's SMS provider (Odoo IAP, or ``sms_aliyun``)."""
        self.ensure_one()
        partner = self.partner_id
        if not partner.phone and partner.commercial_partner_id != partner:
            partner = partner.commercial_partner_id
        if not partner.phone:
            return False
        self._message_sms_with_template(
            template=sms_template, partner_ids=partner.ids, put_in_queue=True
        )
        return True

    @api.model
    def _cron_mall_payment_notice(self, limit=200):
        moves = self.search(
            [("mall_notice_pending", "=", True), ("state", "=", "posted")], limit=limit, order="id"
        )
        moves._mall_send_payment_notice()
        remaining = (
            self.search_count([("mall_notice_pending", "=", True), ("state", "=", "posted")])
            if len(moves) == limit
            else 0
        )
        self.env["ir.cron"]._commit_progress(len(moves), remaining=remaining)

    # ------------------------------------------------------------------ late fees
    def _mall_late_fee_rules(self, charge_by_product):
        """[(rule, base amount)] of this invoice: the lease's rule when it sets a rate (one rule
        for the whole invoice), else each charge's own. Deposits and late fees never bear a
        late fee (no fee on a fee: 不计复利)."""
        self.ensure_one()
        lease = self.mall_lease_id
        bases = defaultdict(float)
        lease_rule = self.env["mall.charge.type"]  # the empty recordset stands for the lease
        for line in self.invoice_line_ids.filtered(lambda line: line.display_type == "product"):
            charge = charge_by_product.get(line.product_id.id)
            if charge and (charge.is_deposit or charge.category == "penalty"):
                continue
            if lease.late_fee_rate:
                bases[lease_rule] += line.price_total
            elif charge and charge.late_fee_daily_rate:
                bases[charge] += line.price_total
        rules = []
        for key, base in bases.items():
            if not key:
                key = self.env["mall.charge.type"].new(
                    {
                        "late_fee_daily_rate": lease.late_fee_rate / 100,
                        "late_fee_grace_days": lease.late_fee_grace_days,
                        "late_fee_cap_percent": lease.late_fee_cap,
                    }
                )
            if base > 0:
                rules.append((key, base))
        return rules

    def _mall_payment_pieces(self, today):
        """[(amount, date)]: what was paid (or credited) on which day, and what is still open
        today. A paid part stops bearing a late fee on its payment day."""
        self.ensure_one()
        pieces = []
        for line in self.line_ids.filtered(
            lambda aml: aml.account_id.account_type == "asset_receivable"
        ):
            for partial in line.matched_credit_ids:
                pieces.append((partial.amount, min(partial.credit_move_id.date, today)))
        if self.amount_residual > 0:
            pieces.append((self.amount_residual, today))
        return pieces

    def _mall_compute_late_fee(self, today, charge_by_product):
        """(late fee, accrued to): the fee of every paid part up to its payment day plus the
        fee of the open part up to today, each by ``mall.charge.type._late_fee`` (grace days,
        daily rate, cap), pro rata of the charges the invoice bills."""
        self.ensure_one()
        due = self.invoice_date_due
        pieces = self._mall_payment_pieces(today)
        if not due or not pieces or not self.amount_total:
            return 0.0, today
        fee = 0.0
        for rule, base in self._mall_late_fee_rules(charge_by_product):
            ratio = base / self.amount_total
            fee += sum(rule._late_fee(amount * ratio, due, paid_on) for amount, paid_on in pieces)
        end = today if self.amount_residual > 0 else max(date for _amount, date in pieces)
        return round_money(fee), end

    def _mall_accrue_late_fees(self, today=None):
        """Bring the late fee of these invoices up to date and put it on the receivable
        schedule: one planned late-fee receivable per invoice grows while the invoice is unpaid;
        once a billing run has invoiced it, the next growth goes on a new one; a paid invoice's
        fee is final."""
        today = today or fields.Date.context_today(self)
        charges = (
            self.env["mall.charge.type"]
            .with_context(active_test=False)
            .search([("product_id", "!=", False)])
        )
        charge_by_product = {charge.product_id.id: charge for charge in charges}
        late_fee_charge = self.env.ref("mall_billing.charge_type_late_fee")
        to_create = []
        for move in self:
            fee, end = move._mall_compute_late_fee(today, charge_by_product)
            vals = {
                "mall_late_fee": fee,
                "mall_late_fee_date": end,
                "mall_late_fee_frozen": move.currency_id.is_zero(move.amount_residual),
            }
            if any(move[name] != value for name, value in vals.items()):
                move.write(vals)
            receivables = move.mall_late_fee_receivable_ids.filtered(
                lambda r: r.state != "cancelled"
            )
            billed = receivables.filtered(lambda r: r.state in ("invoiced", "paid"))
            planned = receivables.filtered(lambda r: r.state == "planned")
            rest = round_money(fee - sum(billed.mapped("amount")))
            if planned:
                if rest > 0:
                    planned[:1].write({"amount": rest, "period_end": end, "due_date": end})
                    (planned - planned[:1]).action_cancel()
                else:
                    planned.action_cancel()
            elif rest > 0:
                start = (
                    max(billed.mapped("period_end")) + timedelta(days=1)
                    if billed
                    else move.invoice_date_due + timedelta(days=1)
                )
                to_create.append(
                    move._mall_prepare_late_fee_receivable_vals(
                        late_fee_charge, rest, min(start, end), end
                    )
                )
        if to_create:
            self.env["mall.receivable"].create(to_create)

    def _mall_prepare_late_fee_receivable_vals(self, charge, amount, start, end):
        self.ensure_one()
        lease = self.mall_lease_id
        return {
            "lease_id": lease.id,
            "partner_id": self.partner_id.commercial_partner_id.id,
            "company_id": self.company_id.id,
            "mall_id": lease.mall_id.id,
            "charge_type_id": charge.id,
            "source": "late_fee",
            "late_fee_move_id": self.id,
            "name": _("Late fee on %(invoice)s", invoice=self.name),
            "period_start": start,
            "period_end": end,
            "due_date": end,
            "amount": amount,
        }

    # ------------------------------------------------------------------ dunning
    def _mall_overdue_domain(self, today):
        return [
            ("move_type", "=", "out_invoice"),
            ("state", "=", "posted"),
            ("mall_lease_id", "!=", False),
            ("invoice_date_due", "<", today),
        ]

    def _mall_dunning_pending_domain(self, today):
        """Invoices the run of ``today`` has still to deal with: the overdue ones still open,
        and those paid since and whose late fee is not final yet."""
        return [
            *self._mall_overdue_domain(today),
            "|",
            ("amount_residual", ">", 0),
            ("mall_late_fee_frozen", "=", False),
            "|",
            ("mall_dunning_date", "=", False),
            ("mall_dunning_date", "!=", today),
        ]

    @api.model
    def _cron_mall_dunning(self, today=None):
        """Daily: late fees of overdue (and newly paid) invoices of mall leases, then the
        reminder each overdue invoice has reached and not yet received.

        One tenant at a time, each committed through ``ir.cron._commit_progress``: a run
        stopped (time limit, restart, a worker killed) keeps the tenants done and the next run
        of the scheduler resumes with the others; the invoices done are marked for the day, so
        nothing is billed or sent twice. A tenant whose invoices fail is logged, left for the
        next day's run, and does not hold up the others."""
        today = fields.Date.to_date(today) or fields.Date.context_today(self)
        domain = self._mall_dunning_pending_domain(today)
        partners = [
            partner
            for (partner,) in self._read_group(
                domain, ["commercial_partner_id"], order="commercial_partner_id"
            )
        ]
        cron = self.env["ir.cron"]
        cron._commit_progress(remaining=len(partners))
        for index, partner in enumerate(partners):
            moves = self.search(
                [*domain, ("commercial_partner_id", "=", partner.id)],
                order="invoice_date_due, id",
            )
            try:
                with self.env.cr.savepoint():
                    moves._mall_dun_tenant(today)
            except Exception:
                _logger.exception(
                    "Late fees and reminders failed for %s (invoices %s); left for the next run",
                    partner.display_name,
                    moves.ids,
                )
                # skipped for today: the next day's run tries again
                moves.mall_dunning_date = today
            if not cron._commit_progress(1, remaining=len(partners) - index - 1):
                break

    def _mall_dun_tenant(self, today):
        """Late fees and reminders of these invoices (one tenant's) for ``today``."""
        self._mall_accrue_late_fees(today)
        self.filtered(lambda m: m.amount_residual > 0)._mall_send_due_reminders(today)
        self.mall_dunning_date = today

    def _mall_send_due_reminders(self, today):
        """Send each invoice the highest reminder level it has reached, when neither it nor a
        higher one was sent before: a level is sent once, and a tenant found 30 days late gets
        the 30-day letter, not three reminders at once."""
        levels = self.env["mall.dunning.level"].search(
            [("company_id", "in", self.company_id.ids)], order="days_overdue desc"
        )
        sent = defaultdict(set)
        for log in self.env["mall.dunning"].search([("move_id", "in", self.ids)]):
            sent[log.move_id.id].add(log.level_id.days_overdue)
        for move in self:
            days = (today - move.invoice_date_due).days
            level = next(
                (
                    lvl
                    for lvl in levels
                    if lvl.company_id == move.company_id and lvl.days_overdue <= days
                ),
                None,
            )
            if not level or any(d >= level.days_overdue for d in sent[move.id]):
                continue
            move._mall_send_dunning(level, days)

    def _mall_send_dunning(self, level, days):
        self.ensure_one()
        log = self.env["mall.dunning"].create(
            {
                "move_id": self.id,
                "level_id": level.id,
                "days_overdue": days,
                "amount_residual": self.amount_residual,
                "late_fee": self.mall_late_fee,
            }
        )
        attachments = self.env["ir.attachment"]
        if level.send_letter:
            attachments = self.env["ir.attachment"].create(
                {
                    "name": _("Dunning Letter %(invoice)s.pdf", invoice=self.name),
                    "raw": log._render_letter_pdf(),
                    "mimetype": "application/pdf",
                    "res_model": "mall.dunning",
                    "res_id": log.id,
                }
            )
            log.letter_id = attachments
        if level.send_email and level.mail_template_id:
            self.message_post_with_source(
                level.mail_template_id,
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
                attachment_ids=attachments.ids,
            )
            log.email_sent = True
        if level.send_sms and level.sms_template_id:
            log.sms_sent = self._mall_queue_sms(level.sms_template_id)
        if level.create_activity:
            user = (
                level.activity_user_id
                or self.invoice_user_id
                or self.mall_lease_id.user_id
                or self.env.user
            )
            self.activity_schedule(
                "mail.mail_activity_data_todo",
                user_id=user.id,
                summary=level.activity_note or level.name,
                note=_(
                    "%(tenant)s is %(days)s days late on %(invoice)s.",
                    tenant=self.partner_id.display_name,
                    days=days,
                    invoice=self.name,
                ),
            )
        return log
