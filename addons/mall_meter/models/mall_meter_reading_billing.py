from datetime import timedelta

from odoo import _, api, models
from odoo.addons.mall_leasing.lib.money import round_money

LEASE_STATES_BILLED = ("active", "expiring", "terminated", "expired")


class MallMeterReading(models.Model):
    """Metered billing: a reading's consumption becomes receivables of the lease holding the
    unit over its period. A lease starting or ending inside a period splits it at a handover
    reading (交接读数): the one staff entered, or one estimated by days when none was, so that
    each tenant pays only its own consumption and the vacant part stays with the landlord."""

    _inherit = "mall.meter.reading"

    def _previous_readings(self):
        """{reading: previous reading of its meter or None}."""
        history = self.search(
            [("meter_id", "in", self.meter_id.ids), ("date", "<=", max(self.mapped("date")))],
            order="date, id",
        )
        last, result = {}, {}
        for reading in history:
            result[reading] = last.get(reading.meter_id)
            last[reading.meter_id] = reading
        return {reading: result[reading] for reading in self}

    def _billing_periods(self):
        """{reading: (first day, last day)} of consumption: from the previous reading's day to
        the day before the reading (a reading on the 1st closes the previous month)."""
        result = {}
        for reading, previous in self._previous_readings().items():
            end = reading.date - timedelta(days=1)
            start = previous.date if previous else end
            result[reading] = (min(start, end), end)
        return result

    def _lease_boundaries(self, units, start, end):
        """{unit: days} on which a lease of the unit starts, or the day after a lease's last
        billed day, from ``start`` to ``end``: where a handover reading splits a period."""
        lines = self.env["mall.lease.line"].search(
            [
                ("unit_id", "in", units.ids),
                ("lease_id.state", "in", LEASE_STATES_BILLED),
                ("lease_id.date_start", "<=", end),
                ("lease_id.date_end", ">=", start),
            ]
        )
        result = {}
        for line in lines:
            lease = line.lease_id
            days = result.setdefault(line.unit_id, set())
            days.update((lease.date_start, lease._billing_end() + timedelta(days=1)))
        return result

    def _estimate_handovers(self):
        """Create the handover readings missing inside the periods of these unit meters'
        unbilled readings, estimated by days between the readings around them. Returns them."""
        candidates = self.filtered(
            lambda r: r.is_billable and not r.is_billed and not r.meter_id.is_common
        )
        if not candidates:
            return self.browse()
        previous_of = {
            reading: previous
            for reading, previous in candidates._previous_readings().items()
            if previous and reading.value >= previous.value and reading.unit_id
        }
        if not previous_of:
            return self.browse()
        boundaries = self._lease_boundaries(
            candidates.unit_id,
            min(p.date for p in previous_of.values()),
            max(r.date for r in previous_of),
        )
        vals_list = []
        for reading, previous in previous_of.items():
            span = (reading.date - previous.date).days
            for day in sorted(boundaries.get(reading.unit_id, ())):
                if not previous.date < day < reading.date:
                    continue
                value = previous.value + (reading.value - previous.value) * (
                    (day - previous.date).days / span
                )
                vals_list.append(
                    {
                        "meter_id": reading.meter_id.id,
                        "date": day,
                        "value": round(value, 2),
                        "reading_type": "handover",
                        "is_estimated": True,
                    }
                )
        return self.create(vals_list)

    def _create_receivables(self):
        """Plan the metered receivables of these billable readings (source meter), once.

        A unit's meter bills its consumption to the lease holding the unit over the period;
        a lease starting or ending inside a period first gets its handover reading (estimated
        by days when nobody entered one), which the bill line states. A common-area meter's
        consumption is shared (公摊) by leasable area among all the units it serves; the shares
        of leased units are billed to their leases, the shares of vacant units stay with the
        landlord. Amounts: consumption × price (tax excluded, to the fen) plus the charge's VAT
        to the fen, which is what the tenant pays."""
        Receivable = self.env["mall.receivable"]
        estimated = self._estimate_handovers()
        readings = (self | estimated).filtered(
            lambda r: r.is_billable and r.amount > 0 and not r.is_billed
        )
        if not readings:
            return Receivable
        previous_of = readings._previous_readings()
        periods = readings._billing_periods()
        shares_of = {}
        for reading in readings:
            meter = reading.meter_id
            shares_of[reading] = (
                meter._share_amount(reading.amount)
                if meter.is_common
                else {meter.unit_id: reading.amount}
            )
        by_day = {}
        for reading, shares in shares_of.items():
            by_day.setdefault(periods[reading][1], set()).update(shares)
        leases_on = {day: self._leases_on(units, day) for day, units in by_day.items()}
        vals_list = []
        for reading in readings:
            meter = reading.meter_id
            charge = meter.charge_type_id
            if not charge:
                continue
            start, end = periods[reading]
            go_live = meter.company_id.mall_billing_start_date
            if go_live and end < go_live:
                continue  # consumption settled before billing moved into the system
            shares = shares_of[reading]
            leases = leases_on[end]
            for unit, net in shares.items():
                line = leases.get(unit)
                if not line or net <= 0:
                    continue
                lease = line.lease_id
                gross = reading._tax_included(charge, net, lease.company_id)
                vals_list.append(
                    lease._receivable_vals(
                        charge,
                        start,
                        end,
                        gross,
                        line=line,
                        source="meter",
                        name=reading._bill_label(start, end, previous_of[reading]),
                        due_date=lease._due_date(start, end, "arrears"),
                        reading_id=reading.id,
                    )
                )
        return Receivable.create(vals_list)

    def _bill_label(self, start, end, previous):
        """The bill line's description: charge, meter, period, and the estimated handover
        reading it starts or ends at."""
        self.ensure_one()
        meter = self.meter_id
        label = _(
            "%(charge)s %(meter)s %(start)s~%(end)s",
            charge=meter.charge_type_id.name,
            meter=meter.code,
            start=start,
            end=end,
        )
        if meter.is_common:
            label = _("%(label)s (shared by area)", label=label)
        for reading in (previous, self):
            if reading and reading.is_estimated:
                label = _(
                    "%(label)s (handover reading of %(date)s estimated by days: %(value)s)",
                    label=label,
                    date=reading.date,
                    value=reading.value,
                )
        return label

    @api.model
    def _leases_on(self, units, day):
        """{unit: lease line} of the leases in force holding the units on ``day``."""
        lines = self.env["mall.lease.line"].search(
            [
                ("unit_id", "in", [u.id for u in units]),
                ("lease_id.state", "in", LEASE_STATES_BILLED),
                ("lease_id.date_start", "<=", day),
                ("lease_id.date_end", ">=", day),
            ]
        )
        result = {}
        for line in lines:
            if line.lease_id._billing_end() >= day:
                result.setdefault(line.unit_id, line)
        return result

    def _tax_included(self, charge, net, company):
        """``net`` plus the charge's VAT on it, each rounded to the fen."""
        tax = charge._get_sale_tax(company)
        if not tax or tax.amount_type != "percent":
            return round_money(net)
        return round_money(round_money(net) + round_money(net * tax.amount / 100))
