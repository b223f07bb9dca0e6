from collections import defaultdict

import psycopg2
from markupsafe import Markup

from odoo import _, api, fields, models
from odoo.addons.mall_leasing.lib.money import round_money
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL


class MallLease(models.Model):
    """A lease's deposits and arrears read from Accounting, and the two ways deposits leave the
    liability account: offset against the tenant's open bills, or refunded."""

    _inherit = "mall.lease"

    deposit_received = fields.Monetary(compute="_compute_deposit_amounts")
    deposit_offset = fields.Monetary(compute="_compute_deposit_amounts")
    deposit_refunded = fields.Monetary(compute="_compute_deposit_amounts")
    deposit_held = fields.Monetary(
        compute="_compute_deposit_amounts",
        help="Deposits received and neither offset against arrears nor refunded.",
    )
    open_amount = fields.Monetary(
        string="Open Bills",
        compute="_compute_open_amounts",
        help="What the tenant still owes on the posted bills of this lease, deposits excluded.",
    )
    arrears_amount = fields.Monetary(
        string="Arrears",
        compute="_compute_open_amounts",
        help="The part of the open bills that is past its due date.",
    )

    def _compute_deposit_amounts(self):
        groups = {
            lease: (received, offset, refunded, held)
            for lease, received, offset, refunded, held in self.env["mall.deposit.ledger"]
            .sudo()
            ._read_group(
                [("lease_id", "in", self.ids)],
                ["lease_id"],
                [
                    "amount_received:sum",
                    "amount_offset:sum",
                    "amount_refunded:sum",
                    "amount_held:sum",
                ],
            )
        }
        for lease in self:
            received, offset, refunded, held = groups.get(lease, (0.0, 0.0, 0.0, 0.0))
            lease.deposit_received = received
            lease.deposit_offset = offset
            lease.deposit_refunded = refunded
            lease.deposit_held = held

    def _compute_open_amounts(self):
        today = fields.Date.context_today(self)
        open_by_lease, overdue_by_lease = defaultdict(float), defaultdict(float)
        lines = (
            self.env["account.move.line"]
            .sudo()
            ._read_group(
                self._open_bill_line_domain(),
                ["move_id", "date_maturity:day"],
                ["amount_residual:sum"],
            )
        )
        for move, maturity, residual in lines:
            open_by_lease[move.mall_lease_id.id] += residual
            if maturity and maturity < today:
                overdue_by_lease[move.mall_lease_id.id] += residual
        for lease in self:
            lease.open_amount = open_by_lease[lease.id]
            lease.arrears_amount = overdue_by_lease[lease.id]

    def _open_bill_line_domain(self):
        """Open receivable items of the posted bills of these leases, deposit bills excluded:
        a deposit nobody paid cannot settle another debt."""
        return [
            ("move_id.mall_lease_id", "in", self.ids),
            ("parent_state", "=", "posted"),
            ("move_id.move_type", "in", ("out_invoice", "out_refund")),
            ("account_id.account_type", "=", "asset_receivable"),
            ("reconciled", "=", False),
            ("amount_residual", "!=", 0),
            ("move_id.invoice_line_ids.product_id", "not in", self._deposit_products().ids),
        ]

    def _get_open_bill_lines(self):
        """The open receivable items of the lease's bills, oldest due first."""
        return self.env["account.move.line"].search(
            self._open_bill_line_domain(), order="date_maturity, id"
        )

    def _get_deposit_holdings(self):
        """{charge type: amount held} for this lease, in the charge types' order."""
        self.ensure_one()
        groups = (
            self.env["mall.deposit.ledger"]
            .sudo()
            ._read_group([("lease_id", "=", self.id)], ["charge_type_id"], ["amount_held:sum"])
        )
        held = {charge: amount for charge, amount in groups if not self.currency_id.is_zero(amount)}
        return dict(sorted(held.items(), key=lambda item: (item[0].sequence, item[0].id)))

    def _check_deposit_rights(self):
        if not self.env.user.has_group("mall_leasing.group_finance_user"):
            raise AccessError(_("Only finance staff can offset or refund deposits."))

    def _lock_deposits(self):
        """Take the lease rows for this transaction before reading what is held: two finance
        users offsetting or refunding the same deposits at once must not both spend them.
        Another transaction at work on the lease makes this one fail at once with a message
        (NOWAIT, rather than a wait behind a wizard left open); the no-op update gives the row a
        new version, so that a transaction that read the deposits before this one committed
        fails on its own lock (Odoo's repeatable read) and is retried on fresh figures."""
        if not self:
            return
        ids = tuple(self.ids)
        try:
            with self.env.cr.savepoint(flush=False):
                self.env.cr.execute(
                    SQL("SELECT id FROM mall_lease WHERE id IN %s FOR UPDATE NOWAIT", ids)
                )
        except psycopg2.errors.LockNotAvailable:
            raise UserError(
                _(
                    "The deposits of lease %(lease)s are being offset or refunded by someone "
                    "else right now. Try again in a moment.",
                    lease=", ".join(self.mapped("name")),
                )
            ) from None
        self.env.cr.execute(
            SQL("UPDATE mall_lease SET write_date = write_date WHERE id IN %s", ids)
        )
        self.invalidate_recordset(["deposit_received", "deposit_offset", "deposit_refunded"])
        self.invalidate_recordset(["deposit_held", "open_amount", "arrears_amount"])

    def _take_from_deposits(self, amount):
        """Split ``amount`` over the deposits held, in the charge types' order: a list of
        (charge type, amount, liability account)."""
        self.ensure_one()
        parts, rest = [], amount
        for charge, held in self._get_deposit_holdings().items():
            if self.currency_id.compare_amounts(rest, 0.0) <= 0:
                break
            take = min(held, rest)
            if take <= 0:
                continue
            account = charge._get_deposit_account(self.company_id)
            if not account:
                raise UserError(
                    _(
                        "The deposit %(charge)s has no liability account for %(company)s.",
                        charge=charge.name,
                        company=self.company_id.name,
                    )
                )
            parts.append((charge, take, account))
            rest = round_money(rest - take)
        return parts

    def _post_deposit_entry(self, operation, date, label, line_vals):
        """The posted journal entry of a deposit offset or refund (``operation``), in the
        miscellaneous journal, linked to this lease."""
        self.ensure_one()
        move = self.env["account.move"].create(
            {
                "move_type": "entry",
                "journal_id": self._misc_journal().id,
                "date": date,
                "ref": label,
                "mall_lease_id": self.id,
                "mall_deposit_operation": operation,
                "line_ids": [fields.Command.create(vals) for vals in line_vals],
            }
        )
        move.action_post()
        return move

    def _log_deposit_operation(self, body):
        # finance staff may not edit leases, yet the lease's chatter keeps the trail
        self.sudo().message_post(body=body, author_id=self.env.user.partner_id.id)

    def _misc_journal(self):
        journal = self.env["account.journal"].search(
            [
                *self.env["account.journal"]._check_company_domain(self.company_id),
                ("type", "=", "general"),
            ],
            limit=1,
        )
        if not journal:
            raise UserError(_("Create a miscellaneous journal in Accounting first."))
        return journal

    def _deposit_offset(self, amount=None, date=None):
        """Offset the deposits held against the lease's open bills, oldest first: one journal
        entry debiting the deposit liability and crediting each bill's receivable, reconciled
        with the bills (which become paid). ``amount`` defaults to as much as possible.
        Returns the entry, or an empty recordset when there is nothing to offset."""
        self.ensure_one()
        self._check_deposit_rights()
        self._lock_deposits()
        currency = self.currency_id
        date = fields.Date.to_date(date) or fields.Date.context_today(self)
        bill_lines = self._get_open_bill_lines().filtered(lambda line: line.amount_residual > 0)
        available = sum(self._get_deposit_holdings().values())
        most = min(available, sum(bill_lines.mapped("amount_residual")))
        amount = most if amount is None else amount
        if currency.compare_amounts(amount, most) > 0:
            raise UserError(
                _(
                    "At most %(most)s can be offset on lease %(lease)s: the deposits held and the "
                    "open bills are both limits.",
                    most=currency.format(most),
                    lease=self.name,
                )
            )
        if currency.is_zero(amount) or amount < 0:
            return self.env["account.move"]
        partner = self.tenant_id.commercial_partner_id
        label = _("Deposit offset against arrears, lease %(lease)s", lease=self.name)
        line_vals, settled, rest = [], [], amount
        for charge, take, account in self._take_from_deposits(amount):
            line_vals.append(
                {
                    "name": _("%(deposit)s offset", deposit=charge.name),
                    "account_id": account.id,
                    "partner_id": partner.id,
                    "product_id": charge.product_id.id,
                    "debit": take,
                    "credit": 0.0,
                }
            )
        for bill_line in bill_lines:
            if currency.is_zero(rest):
                break
            take = min(bill_line.amount_residual, rest)
            rest = round_money(rest - take)
            settled.append(bill_line)
            line_vals.append(
                {
                    "name": _("Offset of %(bill)s", bill=bill_line.move_id.name),
                    "account_id": bill_line.account_id.id,
                    "partner_id": partner.id,
                    "debit": 0.0,
                    "credit": take,
                }
            )
        move = self._post_deposit_entry("offset", date, label, line_vals)
        credit_lines = move.line_ids.filtered(lambda line: line.credit > 0).sorted("id")
        for bill_line, credit_line in zip(settled, credit_lines, strict=True):
            (bill_line | credit_line).reconcile()
        bills = self.env["account.move"].browse([line.move_id.id for line in settled])
        body = Markup("%s<br/>%s") % (
            _(
                "%(amount)s of deposits offset against %(bills)s.",
                amount=currency.format(amount),
                bills=", ".join(bills.mapped("name")),
            ),
            move._get_html_link(),
        )
        self._log_deposit_operation(body)
        return move

    def _deposit_refund(self, amount=None, journal=None, date=None):
        """Refund deposits to the tenant: a journal entry moving the amount from the deposit
        liability to the tenant's payable, and an outbound payment of that payable from
        ``journal`` (a bank or cash journal). ``amount`` defaults to all deposits held.
        Returns the payment, or an empty recordset when nothing is held."""
        self.ensure_one()
        self._check_deposit_rights()
        self._lock_deposits()
        currency = self.currency_id
        date = fields.Date.to_date(date) or fields.Date.context_today(self)
        held = sum(self._get_deposit_holdings().values())
        amount = held if amount is None else amount
        if currency.compare_amounts(amount, held) > 0:
            raise UserError(
                _(
                    "Lease %(lease)s holds only %(held)s of deposits.",
                    lease=self.name,
                    held=currency.format(held),
                )
            )
        if currency.is_zero(amount) or amount < 0:
            return self.env["account.payment"]
        journal = journal or self.env["account.journal"].search(
            [
                *self.env["account.journal"]._check_company_domain(self.company_id),
                ("type", "=", "bank"),
            ],
            limit=1,
        )
        if not journal or journal.type not in ("bank", "cash"):
            raise UserError(_("Choose a bank or cash journal to pay the refund from."))
        partner = self.tenant_id.commercial_partner_id
        payable = partner.with_company(self.company_id).property_account_payable_id
        label = _("Deposit refund, lease %(lease)s", lease=self.name)
        line_vals = [
            {
                "name": _("%(deposit)s refunded", deposit=charge.name),
                "account_id": account.id,
                "partner_id": partner.id,
                "product_id": charge.product_id.id,
                "debit": take,
                "credit": 0.0,
            }
            for charge, take, account in self._take_from_deposits(amount)
        ]
        line_vals.append(
            {
                "name": label,
                "account_id": payable.id,
                "partner_id": partner.id,
                "debit": 0.0,
                "credit": amount,
            }
        )
        move = self._post_deposit_entry("refund", date, label, line_vals)
        payable_line = move.line_ids.filtered(lambda line: line.account_id == payable)
        register = (
            self.env["account.payment.register"]
            .with_context(active_model="account.move.line", active_ids=payable_line.ids)
            .create(
                {
                    "journal_id": journal.id,
                    "payment_date": date,
                    "amount": amount,
                    "communication": label,
                }
            )
        )
        payment = register._create_payments()
        body = Markup("%s<br/>%s %s") % (
            _("%(amount)s of deposits refunded to the tenant.", amount=currency.format(amount)),
            move._get_html_link(),
            payment._get_html_link(),
        )
        self._log_deposit_operation(body)
        return payment

    # ------------------------------------------------------------------ actions

    def action_view_deposit_ledger(self):
        """The deposit ledger of this lease."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "mall_deposit.action_mall_deposit_ledger"
        )
        action["domain"] = [("lease_id", "=", self.id)]
        action["context"] = {"search_default_group_charge_type": 1}
        return action

    def action_view_open_bills(self):
        """The lease's posted bills that are not fully paid."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "account.action_move_out_invoice_type"
        )
        action["domain"] = [("id", "in", self._get_open_bill_lines().move_id.ids)]
        action["context"] = {"create": False}
        return action

    def action_deposit_offset_wizard(self):
        """Open the wizard offsetting deposits against arrears."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Offset Deposits against Arrears"),
            "res_model": "mall.deposit.offset.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_lease_id": self.id},
        }

    def action_deposit_refund_wizard(self):
        """Open the wizard refunding deposits to the tenant."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Refund Deposits"),
            "res_model": "mall.deposit.refund.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_lease_id": self.id},
        }

    @api.model
    def _deposit_settle_on_exit(self, leases, offset=True, refund=False, journal=None, date=None):
        """Settlement (清算) when leases end: offset the deposits against the open bills,
        then refund what is left. Returns the entries and payments made."""
        moves, payments = self.env["account.move"], self.env["account.payment"]
        for lease in leases:
            if offset:
                moves |= lease._deposit_offset(date=date)
            if refund:
                payments |= lease._deposit_refund(journal=journal, date=date)
        return moves, payments
