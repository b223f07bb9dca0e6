import calendar
from collections import defaultdict
from datetime import date, timedelta
from decimal import Decimal

from markupsafe import Markup

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import float_compare, float_is_zero, float_round

from .mall_charge_type import round_money

# Months a billing period spans, per cycle. Periods are aligned on the calendar (quarters start
# in January, April, July and October; half-years in January and July), whatever day the lease
# starts: the first and last periods are shorter and prorated by days.
CYCLE_MONTHS = {"monthly": 1, "quarterly": 3, "semiannual": 6, "yearly": 12}


def period_key(day, cycle):
    """The calendar-aligned billing period holding ``day`` for a cycle: (year, index)."""
    months = CYCLE_MONTHS.get(cycle, 1)
    return day.year, (day.month - 1) // months


def due_on(year, month, due_day):
    """The ``due_day`` of a month, clamped to its last day (the 31st of February is the 28th)."""
    return date(year, month, min(max(due_day or 1, 1), calendar.monthrange(year, month)[1]))


class MallLease(models.Model):
    """A lease's receivable schedule; its deposits and arrears read from Accounting, and the
    two ways deposits leave the liability account: offset against the tenant's open bills, or
    refunded."""

    _inherit = "mall.lease"

    receivable_ids = fields.One2many("mall.receivable", "lease_id", string="Receivables")
    receivable_count = fields.Integer(compute="_compute_receivable_count")
    sales_ids = fields.One2many("mall.lease.sales", "lease_id", string="Declared Sales")

    def _compute_receivable_count(self):
        counts = dict(self.env["mall.receivable"]._read_group(
            [("lease_id", "in", self.ids), ("state", "!=", "cancelled")],
            ["lease_id"], ["__count"]))
        for lease in self:
            lease.receivable_count = counts.get(lease, 0)

    # ------------------------------------------------------------------ schedule
    def _billing_end(self):
        """Last day billed: the termination date of a terminated lease, else its end."""
        self.ensure_one()
        if self.state == "terminated" and self.termination_date:
            return min(self.termination_date, self.date_end)
        return self.date_end

    def _rent_schedules(self):
        # A terminated lease pays rent up to its termination day, the last month prorated by
        # days: the same engine, on the shortened term.
        schedules = super()._rent_schedules()
        end = self._billing_end() if self.date_end else None
        if not end or end >= self.date_end:
            return schedules
        engine = self.env["mall.rent.schedule"]
        return {
            line: engine.compute_schedule(
                line.leasable_area, line.price, self.date_start, end,
                rent_free=self._rent_free_ranges(),
                escalation_rate=(self.escalation_rate or 0.0) / 100.0,
                escalation_months=self.escalation_months or 12)
            for line in schedules
        }

    def _due_date(self, period_start, period_end, timing):
        """Due date of a period: the due day of its first month when paid in advance (never
        before the period starts), of the month after it when paid in arrears."""
        self.ensure_one()
        if timing == "arrears":
            following = period_end.replace(day=1) + timedelta(days=32)
            return due_on(following.year, following.month, self.due_day)
        return max(due_on(period_start.year, period_start.month, self.due_day), period_start)

    def _prepare_receivable_vals(self):
        """The receivables the lease's terms give, as create values: rent per unit on the
        lease's payment cycle, each fee per unit on the fee's cycle (monthly amounts of the
        shared rent engine summed per calendar-aligned period and rounded by the charge type),
        and one receivable per deposit due on the start date. Periods ending before the
        company's billing start date, and deposits of leases that started before it, are left
        out (settled before the system was used)."""
        charges = self.env["mall.charge.type"]
        rent_charge = charges._for_rent()
        fee_charges = charges._by_fee_type()
        vals_list = []
        for lease in self:
            company = lease.company_id or self.env.company
            start = company.mall_billing_start_date
            groups = defaultdict(lambda: {"amount": Decimal(0), "start": None, "end": None})
            for item in lease._get_charge_lines():
                charge = rent_charge if item["charge"] == "rent" else fee_charges.get(
                    item["charge"])
                if not charge:
                    continue
                key = (item["line"], item["fee"], charge, period_key(
                    item["period_start"], item["billing_cycle"]))
                group = groups[key]
                group["amount"] += item["amount"]
                group["start"] = min(filter(None, (group["start"], item["period_start"])))
                group["end"] = max(filter(None, (group["end"], item["period_end"])))
            for (line, fee, charge, _key), group in groups.items():
                if start and group["end"] < start:
                    continue
                amount = charge._round(group["amount"])
                if amount <= 0:
                    continue
                vals_list.append(lease._receivable_vals(
                    charge, group["start"], group["end"], amount, line=line, fee=fee,
                    due_date=lease._due_date(group["start"], group["end"],
                                             lease.payment_timing)))
            for field, charge in charges._by_deposit_field().items():
                if lease[field] > 0 and not (start and lease.date_start < start):
                    vals_list.append(lease._receivable_vals(
                        charge, lease.date_start, lease.date_start,
                        round_money(lease[field]), source="deposit",
                        due_date=lease.date_start, name=charge.name))
        return vals_list

    def _receivable_vals(self, charge, period_start, period_end, amount, line=None, fee=None,
                         source="schedule", due_date=None, name=None, unit=None, **extra):
        """Create values of one receivable of this lease."""
        self.ensure_one()
        unit = line.unit_id if line else (unit or self.env["mall.unit"])
        return {
            "lease_id": self.id, "partner_id": self.tenant_id.id,
            "company_id": (self.company_id or self.env.company).id, "mall_id": self.mall_id.id,
            "unit_id": unit.id,
            "lease_line_id": line.id if line else False, "fee_id": fee.id if fee else False,
            "charge_type_id": charge.id, "source": source,
            "name": name or " ".join(filter(None, [charge.name, unit.code])),
            "period_start": period_start, "period_end": period_end,
            "due_date": due_date or period_start, "amount": float(amount), **extra,
        }

    def _sync_receivables(self, from_date=None):
        """Bring the planned schedule (rent, fees, deposits) in line with the lease's terms.

        Receivables already invoiced or paid are never touched, nor planned ones of periods
        ending before ``from_date`` (an amendment changes the future only). Planned ones from
        ``from_date`` on that the terms no longer give, or give with another amount, period or
        due date, are cancelled; missing ones are created. Returns the created receivables.
        The schedule belongs to the system, not to whoever activates or amends the lease."""
        receivables = self.env["mall.receivable"].sudo()
        wanted = defaultdict(list)
        for vals in self._prepare_receivable_vals():
            wanted[receivables._schedule_key(vals)].append(vals)
        existing = receivables.search([
            ("lease_id", "in", self.ids), ("source", "in", ("schedule", "deposit")),
            ("state", "!=", "cancelled")])
        to_cancel = receivables
        kept = set()
        for rec in existing:
            key = rec._schedule_key(rec)
            same = next((v for v in wanted.get(key, []) if rec._matches(v)), None)
            future = not from_date or rec.period_end >= from_date
            if rec.state == "planned" and future and not same:
                to_cancel |= rec
            else:
                kept.add(key)
        to_cancel.write({"state": "cancelled"})
        create = [vals for key, vals_list in wanted.items() if key not in kept
                  for vals in vals_list
                  if not from_date or vals["period_end"] >= from_date]
        return receivables.create(create)

    def _on_lease_activated(self):
        result = super()._on_lease_activated()
        self._sync_receivables()
        return result

    def action_terminate(self, termination_date, reason, penalty=0.0, notes=False,
                         early_exit=True):
        result = super().action_terminate(termination_date, reason, penalty=penalty,
                                          notes=notes, early_exit=early_exit)
        for lease in self:
            lease._sync_receivables(from_date=lease.termination_date)
            lease._warn_invoiced_after(lease.termination_date)
        if penalty and penalty > 0:
            charge = self.env.ref("mall_billing.charge_type_penalty")
            self.env["mall.receivable"].sudo().create([
                lease._receivable_vals(
                    charge, lease.termination_date, lease.termination_date,
                    charge._round(penalty), source="manual",
                    name=_("Contract penalty for early termination"))
                for lease in self])
        return result

    def _warn_invoiced_after(self, day):
        """Invoiced receivables of periods after ``day`` need a credit note by finance: say so
        on the lease rather than reversing invoices behind the accountant's back."""
        self.ensure_one()
        late = self.receivable_ids.filtered(
            lambda r: r.state in ("invoiced", "paid") and r.period_end > day
            and r.source == "schedule")
        if late:
            self.message_post(body=_(
                "%(count)s invoiced receivables cover days after %(date)s: issue credit notes "
                "for them if the tenant is not to pay them.", count=len(late), date=day))

    def action_view_receivables(self):
        """The lease's receivable schedule."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "mall_billing.action_mall_receivable")
        action["domain"] = [("lease_id", "=", self.id)]
        action["context"] = {"default_lease_id": self.id, "search_default_not_cancelled": 1}
        return action

    # ------------------------------------------------------------ deposits and arrears

    deposit_received = fields.Monetary(compute="_compute_deposit_amounts")
    deposit_offset = fields.Monetary(compute="_compute_deposit_amounts")
    deposit_refunded = fields.Monetary(compute="_compute_deposit_amounts")
    deposit_held = fields.Monetary(
        compute="_compute_deposit_amounts",
        help="Deposits received and neither offset against arrears nor refunded.")
    open_amount = fields.Monetary(
        string="Open Bills", compute="_compute_open_amounts",
        help="What the tenant still owes on the posted bills of this lease, deposits excluded.")
    arrears_amount = fields.Monetary(
        string="Arrears", compute="_compute_open_amounts",
        help="The part of the open bills that is past its due date.")

    def _compute_deposit_amounts(self):
        groups = {lease: (received, offset, refunded, held)
                  for lease, received, offset, refunded, held in
                  self.env["mall.deposit.ledger"].sudo()._read_group(
                      [("lease_id", "in", self.ids)], ["lease_id"],
                      ["amount_received:sum", "amount_offset:sum", "amount_refunded:sum",
                       "amount_held:sum"])}
        for lease in self:
            received, offset, refunded, held = groups.get(lease, (0.0, 0.0, 0.0, 0.0))
            lease.deposit_received = received
            lease.deposit_offset = offset
            lease.deposit_refunded = refunded
            lease.deposit_held = held

    def _compute_open_amounts(self):
        today = fields.Date.context_today(self)
        open_by_lease, overdue_by_lease = defaultdict(float), defaultdict(float)
        lines = self.env["account.move.line"].sudo()._read_group(
            self._open_bill_line_domain(), ["move_id", "date_maturity:day"],
            ["amount_residual:sum"])
        for move, maturity, residual in lines:
            open_by_lease[move.mall_lease_id.id] += residual
            if maturity and maturity < today:
                overdue_by_lease[move.mall_lease_id.id] += residual
        for lease in self:
            lease.open_amount = open_by_lease[lease.id]
            lease.arrears_amount = overdue_by_lease[lease.id]

    def _deposit_products(self):
        return self.env["mall.charge.type"].sudo().with_context(active_test=False).search(
            [("is_deposit", "=", True)]).product_id

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
            self._open_bill_line_domain(), order="date_maturity, id")

    def _get_deposit_holdings(self):
        """{charge type: amount held} for this lease, in the charge types' order."""
        self.ensure_one()
        groups = self.env["mall.deposit.ledger"].sudo()._read_group(
            [("lease_id", "=", self.id)], ["charge_type_id"], ["amount_held:sum"])
        held = {charge: amount for charge, amount in groups
                if not self.currency_id.is_zero(amount)}
        return dict(sorted(held.items(), key=lambda item: (item[0].sequence, item[0].id)))

    def _check_deposit_rights(self):
        if not self.env.user.has_group("mall_leasing.group_finance_user"):
            raise AccessError(_("Only finance staff can offset or refund deposits."))

    def _take_from_deposits(self, amount):
        """Split ``amount`` over the deposits held, in the charge types' order: a list of
        (charge type, amount, liability account)."""
        self.ensure_one()
        parts, rest = [], amount
        for charge, held in self._get_deposit_holdings().items():
            if float_compare(rest, 0.0, precision_rounding=self.currency_id.rounding) <= 0:
                break
            take = min(held, rest)
            if take <= 0:
                continue
            account = charge._get_deposit_account(self.company_id)
            if not account:
                raise UserError(_(
                    "The deposit %(charge)s has no liability account for %(company)s.",
                    charge=charge.name, company=self.company_id.name))
            parts.append((charge, take, account))
            rest = float_round(rest - take, precision_rounding=self.currency_id.rounding)
        return parts

    def _log_deposit_operation(self, body):
        # finance staff may not edit leases, yet the lease's chatter keeps the trail
        self.sudo().message_post(body=body, author_id=self.env.user.partner_id.id)

    def _misc_journal(self):
        journal = self.env["account.journal"].search([
            *self.env["account.journal"]._check_company_domain(self.company_id),
            ("type", "=", "general")], limit=1)
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
        currency = self.currency_id
        date = fields.Date.to_date(date) or fields.Date.context_today(self)
        bill_lines = self._get_open_bill_lines().filtered(lambda line: line.amount_residual > 0)
        available = sum(self._get_deposit_holdings().values())
        most = min(available, sum(bill_lines.mapped("amount_residual")))
        amount = most if amount is None else amount
        if float_compare(amount, most, precision_rounding=currency.rounding) > 0:
            raise UserError(_(
                "At most %(most)s can be offset on lease %(lease)s: the deposits held and the "
                "open bills are both limits.", most=currency.format(most), lease=self.name))
        if float_is_zero(amount, precision_rounding=currency.rounding) or amount < 0:
            return self.env["account.move"]
        partner = self.tenant_id.commercial_partner_id
        label = _("Deposit offset against arrears, lease %(lease)s", lease=self.name)
        line_vals, settled, rest = [], [], amount
        for charge, take, account in self._take_from_deposits(amount):
            line_vals.append({
                "name": _("%(deposit)s offset", deposit=charge.name), "account_id": account.id,
                "partner_id": partner.id, "product_id": charge.product_id.id,
                "debit": take, "credit": 0.0})
        for bill_line in bill_lines:
            if float_is_zero(rest, precision_rounding=currency.rounding):
                break
            take = min(bill_line.amount_residual, rest)
            rest = float_round(rest - take, precision_rounding=currency.rounding)
            settled.append(bill_line)
            line_vals.append({
                "name": _("Offset of %(bill)s", bill=bill_line.move_id.name),
                "account_id": bill_line.account_id.id, "partner_id": partner.id,
                "debit": 0.0, "credit": take})
        move = self.env["account.move"].create({
            "move_type": "entry", "journal_id": self._misc_journal().id, "date": date,
            "ref": label, "mall_lease_id": self.id, "mall_deposit_operation": "offset",
            "line_ids": [fields.Command.create(vals) for vals in line_vals],
        })
        move.action_post()
        credit_lines = move.line_ids.filtered(lambda line: line.credit > 0).sorted("id")
        for bill_line, credit_line in zip(settled, credit_lines, strict=True):
            (bill_line | credit_line).reconcile()
        bills = self.env["account.move"].browse([line.move_id.id for line in settled])
        body = Markup("%s<br/>%s") % (
            _("%(amount)s of deposits offset against %(bills)s.",
              amount=currency.format(amount), bills=", ".join(bills.mapped("name"))),
            move._get_html_link())
        self._log_deposit_operation(body)
        return move

    def _deposit_refund(self, amount=None, journal=None, date=None):
        """Refund deposits to the tenant: a journal entry moving the amount from the deposit
        liability to the tenant's payable, and an outbound payment of that payable from
        ``journal`` (a bank or cash journal). ``amount`` defaults to all deposits held.
        Returns the payment, or an empty recordset when nothing is held."""
        self.ensure_one()
        self._check_deposit_rights()
        currency = self.currency_id
        date = fields.Date.to_date(date) or fields.Date.context_today(self)
        held = sum(self._get_deposit_holdings().values())
        amount = held if amount is None else amount
        if float_compare(amount, held, precision_rounding=currency.rounding) > 0:
            raise UserError(_("Lease %(lease)s holds only %(held)s of deposits.",
                              lease=self.name, held=currency.format(held)))
        if float_is_zero(amount, precision_rounding=currency.rounding) or amount < 0:
            return self.env["account.payment"]
        journal = journal or self.env["account.journal"].search([
            *self.env["account.journal"]._check_company_domain(self.company_id),
            ("type", "=", "bank")], limit=1)
        if not journal or journal.type not in ("bank", "cash"):
            raise UserError(_("Choose a bank or cash journal to pay the refund from."))
        partner = self.tenant_id.commercial_partner_id
        payable = partner.with_company(self.company_id).property_account_payable_id
        label = _("Deposit refund, lease %(lease)s", lease=self.name)
        line_vals = [{
            "name": _("%(deposit)s refunded", deposit=charge.name), "account_id": account.id,
            "partner_id": partner.id, "product_id": charge.product_id.id,
            "debit": take, "credit": 0.0,
        } for charge, take, account in self._take_from_deposits(amount)]
        line_vals.append({"name": label, "account_id": payable.id, "partner_id": partner.id,
                          "debit": 0.0, "credit": amount})
        move = self.env["account.move"].create({
            "move_type": "entry", "journal_id": self._misc_journal().id, "date": date,
            "ref": label, "mall_lease_id": self.id, "mall_deposit_operation": "refund",
            "line_ids": [fields.Command.create(vals) for vals in line_vals],
        })
        move.action_post()
        payable_line = move.line_ids.filtered(lambda line: line.account_id == payable)
        register = self.env["account.payment.register"].with_context(
            active_model="account.move.line", active_ids=payable_line.ids).create({
                "journal_id": journal.id, "payment_date": date, "amount": amount,
                "communication": label})
        payment = register._create_payments()
        body = Markup("%s<br/>%s %s") % (
            _("%(amount)s of deposits refunded to the tenant.", amount=currency.format(amount)),
            move._get_html_link(), payment._get_html_link())
        self._log_deposit_operation(body)
        return payment

    # ------------------------------------------------------------------ actions

    def action_view_deposit_ledger(self):
        """The deposit ledger of this lease."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "mall_billing.action_mall_deposit_ledger")
        action["domain"] = [("lease_id", "=", self.id)]
        action["context"] = {"search_default_group_charge_type": 1}
        return action

    def action_view_open_bills(self):
        """The lease's posted bills that are not fully paid."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "account.action_move_out_invoice_type")
        action["domain"] = [("id", "in", self._get_open_bill_lines().move_id.ids)]
        action["context"] = {"create": False}
        return action

    def action_deposit_offset_wizard(self):
        """Open the wizard offsetting deposits against arrears."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window", "name": _("Offset Deposits against Arrears"),
            "res_model": "mall.deposit.offset.wizard", "view_mode": "form", "target": "new",
            "context": {"default_lease_id": self.id},
        }

    def action_deposit_refund_wizard(self):
        """Open the wizard refunding deposits to the tenant."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window", "name": _("Refund Deposits"),
            "res_model": "mall.deposit.refund.wizard", "view_mode": "form", "target": "new",
            "context": {"default_lease_id": self.id},
        }

    @api.model
    def _deposit_settle_on_exit(self, leases, offset=True, refund=False, journal=None,
                                date=None):
        """Settlement (清算) when leases end: offset the deposits against the open bills,
        then refund what is left. Returns the entries and payments made."""
        moves, payments = self.env["account.move"], self.env["account.payment"]
        for lease in leases:
            if offset:
                moves |= lease._deposit_offset(date=date)
            if refund:
                payments |= lease._deposit_refund(journal=journal, date=date)
        return moves, payments
