from datetime import timedelta

from psycopg2 import IntegrityError

from odoo import _, api, fields, models
from odoo.addons.mall_leasing.lib.money import round_money
from odoo.exceptions import AccessError, UserError, ValidationError

# A reading whose consumption exceeds this many times the average of the last readings is
# flagged for review.
SPIKE_FACTOR = 3
AVERAGE_OF = 3


class MallMeterReading(models.Model):
    """A meter reading (抄表). Consumption is (value − previous value) × multiplier. A reading
    below the previous one or far above the usual consumption is flagged and not billable
    until a finance user confirms it."""

    _name = "mall.meter.reading"
    _description = "Meter Reading"
    _order = "meter_id, date desc, id desc"

    meter_id = fields.Many2one("mall.meter", required=True, index=True, ondelete="cascade")
    kind = fields.Selection(related="meter_id.kind", store=True)
    unit_id = fields.Many2one(related="meter_id.unit_id", store=True)
    mall_id = fields.Many2one(related="meter_id.mall_id", store=True)
    currency_id = fields.Many2one(related="meter_id.currency_id")
    date = fields.Date(required=True, default=fields.Date.context_today, index=True)
    value = fields.Float(required=True, digits=(16, 2))
    previous_value = fields.Float(readonly=True, digits=(16, 2))
    consumption = fields.Float(readonly=True, digits=(16, 2))
    amount = fields.Monetary(
        compute="_compute_amount",
        store=True,
        currency_field="currency_id",
        help="Consumption times the meter's unit price, rounded to the fen.",
    )
    state = fields.Selection(
        [
            ("valid", "Valid"),
            ("flagged", "Flagged"),
            ("confirmed", "Confirmed"),
        ],
        default="valid",
        required=True,
        readonly=True,
        index=True,
    )
    flag_reason = fields.Char(readonly=True)
    is_billable = fields.Boolean(compute="_compute_is_billable", store=True)

    _meter_date_unique = models.UniqueIndex("(meter_id, date)", "A meter has one reading per day.")
    _value_positive = models.Constraint("CHECK(value >= 0)", "A meter reading cannot be negative.")

    @api.depends("consumption", "meter_id.unit_price")
    def _compute_amount(self):
        for reading in self:
            reading.amount = round_money(reading.consumption * reading.meter_id.unit_price)

    @api.depends("state")
    def _compute_is_billable(self):
        for reading in self:
            reading.is_billable = reading.state in ("valid", "confirmed")

    @api.model_create_multi
    def create(self, vals_list):
        readings = super().create(vals_list)
        readings._evaluate()
        return readings

    def write(self, vals):
        if (
            "state" in vals
            and not self.env.context.get("mall_reading_evaluate")
            and not self.env.user.has_group("mall_leasing.group_finance_user")
        ):
            raise AccessError(_("Only finance users can confirm flagged readings."))
        if {"value", "date", "meter_id"} & set(vals) and self.filtered(
            lambda r: r.state == "confirmed"
        ):
            raise UserError(_("A confirmed reading cannot be changed."))
        result = super().write(vals)
        if {"value", "date", "meter_id"} & set(vals):
            self._evaluate()
        return result

    def _evaluate(self):
        """Set previous value, consumption and flag of these readings and of the later readings
        of their meters (a reading entered late changes its successor), from one search."""
        history = self.search([("meter_id", "in", self.meter_id.ids)], order="date, id")
        since = {}
        for reading in self:
            first = since.get(reading.meter_id)
            since[reading.meter_id] = min(first, reading.date) if first else reading.date
        by_meter = {}
        for reading in history:
            by_meter.setdefault(reading.meter_id, []).append(reading)
        for meter, readings in by_meter.items():
            consumptions = []
            previous = None
            for reading in readings:
                consumption = 0.0
                if previous is not None:
                    consumption = round((reading.value - previous.value) * meter.multiplier, 2)
                if reading.date >= since[meter]:
                    vals = {
                        "previous_value": previous.value if previous else 0.0,
                        "consumption": consumption,
                    }
                    if reading.state != "confirmed":
                        reason = reading._anomaly(previous, consumption, consumptions)
                        vals.update(
                            state="flagged" if reason else "valid", flag_reason=reason or False
                        )
                    reading.with_context(mall_reading_evaluate=True).write(vals)
                if previous is not None and reading.state != "flagged":
                    consumptions.append(consumption)
                previous = reading

    def _anomaly(self, previous, consumption, consumptions):
        """Why this reading needs review, or None."""
        if previous is None:
            return None
        if self.value < previous.value:
            return _("Lower than the previous reading (%(previous)s).", previous=previous.value)
        recent = consumptions[-AVERAGE_OF:]
        if recent:
            average = sum(recent) / len(recent)
            if average > 0 and consumption > SPIKE_FACTOR * average:
                return _(
                    "Consumption %(consumption)s is more than %(factor)s times the "
                    "average of the last readings (%(average)s).",
                    consumption=consumption,
                    factor=SPIKE_FACTOR,
                    average=round(average, 2),
                )
        return None

    def action_confirm(self):
        """A finance user confirms flagged readings, which makes them billable."""
        if not self.env.user.has_group("mall_leasing.group_finance_user"):
            raise AccessError(_("Only finance users can confirm flagged readings."))
        if self.filtered(lambda r: r.state != "flagged"):
            raise UserError(_("Only flagged readings need confirmation."))
        self.write({"state": "confirmed"})
        return True

    @api.model
    def _import_rows(self, rows):
        """Create readings from rows of dicts with ``meter`` (meter number), ``date`` and
        ``value``; each row is created on its own, so that a bad row does not stop the others.
        Returns one result per row: {line, status: valid|flagged|error, message, id}."""
        codes = {str(row.get("meter") or "").strip() for row in rows}
        meters = self.env["mall.meter"].search([("code", "in", list(codes))])
        by_code = {}
        for meter in meters:
            by_code.setdefault(meter.code, meter)
        taken = {(r.meter_id.id, r.date) for r in self.search([("meter_id", "in", meters.ids)])}
        results = []
        for line, row in enumerate(rows, start=1):
            result = {"line": line, "status": "error", "message": "", "id": False}
            try:
                meter = by_code.get(str(row.get("meter") or "").strip())
                if not meter:
                    raise ValidationError(_("Unknown meter %(meter)s.", meter=row.get("meter")))
                try:
                    date = fields.Date.to_date(row.get("date"))
                    value = float(row.get("value"))
                except (TypeError, ValueError) as error:
                    raise ValidationError(_("Date or value is not valid.")) from error
                if not date:
                    raise ValidationError(_("Date or value is not valid."))
                if (meter.id, date) in taken:
                    raise ValidationError(_("The meter already has a reading on that day."))
                with self.env.cr.savepoint():
                    reading = self.create({"meter_id": meter.id, "date": date, "value": value})
                taken.add((meter.id, date))
                result.update(
                    status=reading.state, id=reading.id, message=reading.flag_reason or ""
                )
            except (ValidationError, UserError) as error:
                result["message"] = str(error.args[0] if error.args else error)
            except IntegrityError:
                result["message"] = _("The meter already has a reading on that day.")
            results.append(result)
        return results

    # ------------------------------------------------------------------ billing
    def _billing_periods(self):
        """{reading: (first day, last day)} of consumption: from the previous reading's day to
        the day before the reading (a reading on the 1st closes the previous month)."""
        history = self.search(
            [("meter_id", "in", self.meter_id.ids), ("date", "<=", max(self.mapped("date")))],
            order="date, id",
        )
        previous_day, result = {}, {}
        for reading in history:
            end = reading.date - timedelta(days=1)
            start = previous_day.get(reading.meter_id, end)
            result[reading] = (min(start, end), end)
            previous_day[reading.meter_id] = reading.date
        return {reading: result[reading] for reading in self}

    def _create_receivables(self):
        """Plan the metered receivables of these billable readings (source meter), once.

        A unit's meter bills its consumption to the lease holding the unit at the end of the
        period. A common-area meter's consumption is shared (公摊) by leasable area among all
        the units it serves; the shares of leased units are billed to their leases, the shares
        of vacant units stay with the landlord. Amounts: consumption × price (tax excluded,
        to the fen) plus the charge's VAT to the fen, which is what the tenant pays."""
        Receivable = self.env["mall.receivable"]
        readings = self.filtered(lambda r: r.is_billable and r.amount > 0)
        if not readings:
            return Receivable
        billed = set(
            Receivable.search([("reading_id", "in", readings.ids), ("state", "!=", "cancelled")])
            .mapped("reading_id")
            .ids
        )
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
            if reading.id in billed or not charge:
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
                label = _(
                    "%(charge)s %(meter)s %(start)s~%(end)s",
                    charge=charge.name,
                    meter=meter.code,
                    start=start,
                    end=end,
                )
                if meter.is_common:
                    label = _("%(label)s (shared by area)", label=label)
                vals_list.append(
                    lease._receivable_vals(
                        charge,
                        start,
                        end,
                        gross,
                        line=line,
                        source="meter",
                        name=label,
                        due_date=lease._due_date(start, end, "arrears"),
                        reading_id=reading.id,
                    )
                )
        return Receivable.create(vals_list)

    @api.model
    def _leases_on(self, units, day):
        """{unit: lease line} of the leases in force holding the units on ``day``."""
        lines = self.env["mall.lease.line"].search(
            [
                ("unit_id", "in", [u.id for u in units]),
                ("lease_id.state", "in", ("active", "expiring", "terminated", "expired")),
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
