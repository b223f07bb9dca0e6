import calendar
from collections import defaultdict
from datetime import date, timedelta
from decimal import Decimal

from odoo import _, fields, models
from odoo.addons.mall_leasing.lib.cycles import CYCLE_MONTHS
from odoo.addons.mall_leasing.lib.money import round_money


def period_key(day, cycle):
    """The calendar-aligned billing period holding ``day`` for a cycle: (year, index).
    Periods are aligned on the calendar (quarters start in January, April, July and October;
    half-years in January and July), whatever day the lease starts: the first and last
    periods are shorter and prorated by days."""
    months = CYCLE_MONTHS.get(cycle, 1)
    return day.year, (day.month - 1) // months


def due_on(year, month, due_day):
    """The ``due_day`` of a month, clamped to its last day (the 31st of February is the 28th)."""
    return date(year, month, min(max(due_day or 1, 1), calendar.monthrange(year, month)[1]))


class MallLease(models.Model):
    """A lease's receivable schedule."""

    _inherit = "mall.lease"

    receivable_ids = fields.One2many("mall.receivable", "lease_id", string="Receivables")
    receivable_count = fields.Integer(compute="_compute_receivable_count")
    sales_ids = fields.One2many("mall.lease.sales", "lease_id", string="Declared Sales")

    def _compute_receivable_count(self):
        counts = dict(
            self.env["mall.receivable"]._read_group(
                [("lease_id", "in", self.ids), ("state", "!=", "cancelled")],
                ["lease_id"],
                ["__count"],
            )
        )
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
                line.leasable_area,
                line.price,
                self.date_start,
                end,
                rent_free=self._rent_free_ranges(),
                escalation_rate=(self.escalation_rate or 0.0) / 100.0,
                escalation_months=self.escalation_months or 12,
            )
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
                charge = (
                    rent_charge if item["charge"] == "rent" else fee_charges.get(item["charge"])
                )
                if not charge:
                    continue
                key = (
                    item["line"],
                    item["fee"],
                    charge,
                    period_key(item["period_start"], item["billing_cycle"]),
                )
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
                vals_list.append(
                    lease._receivable_vals(
                        charge,
                        group["start"],
                        group["end"],
                        amount,
                        line=line,
                        fee=fee,
                        due_date=lease._due_date(
                            group["start"], group["end"], lease.payment_timing
                        ),
                    )
                )
            for field, charge in charges._by_deposit_field().items():
                if lease[field] > 0 and not (start and lease.date_start < start):
                    vals_list.append(
                        lease._receivable_vals(
                            charge,
                            lease.date_start,
                            lease.date_start,
                            round_money(lease[field]),
                            source="deposit",
                            due_date=lease.date_start,
                            name=charge.name,
                        )
                    )
        return vals_list

    def _receivable_vals(
        self,
        charge,
        period_start,
        period_end,
        amount,
        line=None,
        fee=None,
        source="schedule",
        due_date=None,
        name=None,
        unit=None,
        **extra,
    ):
        """Create values of one receivable of this lease."""
        self.ensure_one()
        unit = line.unit_id if line else (unit or self.env["mall.unit"])
        return {
            "lease_id": self.id,
            "partner_id": self.tenant_id.id,
            "company_id": (self.company_id or self.env.company).id,
            "mall_id": self.mall_id.id,
            "unit_id": unit.id,
            "lease_line_id": line.id if line else False,
            "fee_id": fee.id if fee else False,
            "charge_type_id": charge.id,
            "source": source,
            "name": name or " ".join(filter(None, [charge.name, unit.code])),
            "period_start": period_start,
            "period_end": period_end,
            "due_date": due_date or period_start,
            "amount": float(amount),
            **extra,
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
        existing = receivables.search(
            [
                ("lease_id", "in", self.ids),
                ("source", "in", ("schedule", "deposit")),
                ("state", "!=", "cancelled"),
            ]
        )
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
        create = [
            vals
            for key, vals_list in wanted.items()
            if key not in kept
            for vals in vals_list
            if not from_date or vals["period_end"] >= from_date
        ]
        return receivables.create(create)

    def _on_lease_activated(self):
        result = super()._on_lease_activated()
        self._sync_receivables()
        return result

    def action_terminate(self, termination_date, reason, penalty=0.0, notes=False, early_exit=True):
        result = super().action_terminate(
            termination_date, reason, penalty=penalty, notes=notes, early_exit=early_exit
        )
        for lease in self:
            lease._sync_receivables(from_date=lease.termination_date)
            lease._warn_invoiced_after(lease.termination_date)
        if penalty and penalty > 0:
            charge = self.env.ref("mall_billing.charge_type_penalty")
            self.env["mall.receivable"].sudo().create(
                [
                    lease._receivable_vals(
                        charge,
                        lease.termination_date,
                        lease.termination_date,
                        charge._round(penalty),
                        source="manual",
                        name=_("Contract penalty for early termination"),
                    )
                    for lease in self
                ]
            )
        return result

    def _warn_invoiced_after(self, day):
        """Invoiced receivables of periods after ``day`` need a credit note by finance: say so
        on the lease rather than reversing invoices behind the accountant's back."""
        self.ensure_one()
        late = self.receivable_ids.filtered(
            lambda r: (
                r.state in ("invoiced", "paid") and r.period_end > day and r.source == "schedule"
            )
        )
        if late:
            self.message_post(
                body=_(
                    "%(count)s invoiced receivables cover days after %(date)s: issue credit notes "
                    "for them if the tenant is not to pay them.",
                    count=len(late),
                    date=day,
                )
            )

    def action_view_receivables(self):
        """The lease's receivable schedule."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "mall_billing.action_mall_receivable"
        )
        action["domain"] = [("lease_id", "=", self.id)]
        action["context"] = {"default_lease_id": self.id, "search_default_not_cancelled": 1}
        return action

    def _deposit_products(self):
        """The products of the deposit charges (a deposit is no revenue, no late fee)."""
        return (
            self.env["mall.charge.type"]
            .sudo()
            .with_context(active_test=False)
            .search([("is_deposit", "=", True)])
            .product_id
        )
