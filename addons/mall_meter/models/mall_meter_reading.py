import math

from psycopg2 import IntegrityError

from odoo import _, api, fields, models
from odoo.addons.mall_leasing.lib.money import round_money
from odoo.exceptions import AccessError, UserError, ValidationError

from ..lib.reading_input import parse_row

# A reading whose daily consumption exceeds this many times the average daily consumption of
# the last readings (or the meter's expected use) is flagged for review.
SPIKE_FACTOR = 3
AVERAGE_OF = 3
# Fields a billed reading keeps (only a correction changes them).
LOCKED_FIELDS = {"value", "date", "meter_id", "state", "previous_value", "consumption"}


class MallMeterReading(models.Model):
    """A meter reading (抄表). Consumption is (value − previous value) × multiplier. A reading
    below the previous one or far above the usual consumption is flagged and not billable
    until a finance user confirms it. Once billed, a reading is locked: a wrong billed reading
    goes through a correction (credit note and rebill, see ``mall_meter_reading_correction``),
    and no reading can be added inside a billed period."""

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
    reading_type = fields.Selection(
        [("regular", "Regular"), ("handover", "Handover")],
        default="regular",
        required=True,
        help="Handover (交接读数): taken when a lease of the unit starts or ends, so that each "
        "tenant pays only its own consumption.",
    )
    is_estimated = fields.Boolean(
        readonly=True,
        help="A handover reading nobody entered: estimated by days between the readings around it.",
    )
    receivable_ids = fields.One2many("mall.receivable", "reading_id", readonly=True)
    is_billed = fields.Boolean(
        compute="_compute_is_billed",
        store=True,
        help="On a receivable: the reading is locked, a correction credits and rebills it.",
    )

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

    @api.depends("receivable_ids.state")
    def _compute_is_billed(self):
        for reading in self:
            reading.is_billed = any(r.state != "cancelled" for r in reading.receivable_ids)

    @api.constrains("value")
    def _check_value(self):
        for reading in self:
            if not math.isfinite(reading.value) or reading.value < 0:
                raise ValidationError(_("A meter reading must be a finite number, not negative."))

    def _check_value_vals(self, vals):
        """Refuse a value that is not a finite number before the ORM rounds it (NaN would end
        in a ValueError, an infinity in the database)."""
        value = vals.get("value")
        if isinstance(value, float) and not math.isfinite(value):
            raise ValidationError(_("A meter reading must be a finite number, not negative."))

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._check_value_vals(vals)
        if not self.env.context.get("mall_reading_correction"):
            self._check_not_in_billed_period(vals_list)
        readings = super().create(vals_list)
        readings._evaluate()
        return readings

    def _check_not_in_billed_period(self, vals_list):
        """Refuse readings dated on or before a billed reading of their meter: that period is
        billed, a correction of the billed reading changes it."""
        meter_ids = {vals.get("meter_id") for vals in vals_list if vals.get("meter_id")}
        if not meter_ids:
            return
        last_billed = dict(
            self.sudo()._read_group(
                [("meter_id", "in", list(meter_ids)), ("is_billed", "=", True)],
                ["meter_id"],
                ["date:max"],
            )
        )
        last_billed = {meter.id: day for meter, day in last_billed.items()}
        for vals in vals_list:
            billed_until = last_billed.get(vals.get("meter_id"))
            day = fields.Date.to_date(vals.get("date")) or fields.Date.context_today(self)
            if billed_until and day <= billed_until:
                raise UserError(
                    _(
                        "Meter %(meter)s is billed until %(date)s: a reading of a billed "
                        "period goes through a correction of the billed reading.",
                        meter=self.env["mall.meter"].browse(vals["meter_id"]).code,
                        date=billed_until,
                    )
                )

    def write(self, vals):
        self._check_value_vals(vals)
        if (
            "state" in vals
            and not self.env.context.get("mall_reading_evaluate")
            and not self.env.user.has_group("mall_leasing.group_finance_user")
        ):
            raise AccessError(_("Only finance users can confirm flagged readings."))
        if (
            {"value", "date", "meter_id"} & set(vals)
            and not self.env.context.get("mall_reading_correction")
            and self.filtered(lambda r: r.state == "confirmed")
        ):
            raise UserError(_("A confirmed reading cannot be changed."))
        if LOCKED_FIELDS & set(vals) and not self.env.context.get("mall_reading_correction"):
            self._check_not_billed()
        if {"date", "meter_id"} & set(vals) and not self.env.context.get("mall_reading_evaluate"):
            self._check_not_in_billed_period(
                [
                    {
                        "meter_id": vals.get("meter_id", r.meter_id.id),
                        "date": vals.get("date", r.date),
                    }
                    for r in self
                ]
            )
        result = super().write(vals)
        if {"value", "date", "meter_id"} & set(vals):
            self._evaluate()
        return result

    def unlink(self):
        self._check_not_billed()
        return super().unlink()

    def _check_not_billed(self):
        billed = self.filtered("is_billed")
        if billed:
            raise UserError(
                _(
                    "The reading of %(meter)s on %(date)s is billed and cannot be changed or "
                    "deleted: correct it (credit note and rebill) instead.",
                    meter=billed[0].meter_id.code,
                    date=billed[0].date,
                )
            )

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
            rates = []  # daily consumption of the last unflagged readings
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
                        reason = reading._anomaly(previous, consumption, rates)
                        vals.update(
                            state="flagged" if reason else "valid", flag_reason=reason or False
                        )
                    changed = {
                        name: value
                        for name, value in vals.items()
                        if (reading[name] or False) != (value or False)
                    }
                    if changed:
                        reading.with_context(mall_reading_evaluate=True).write(changed)
                if previous is not None and reading.state != "flagged":
                    rates.append(consumption / max((reading.date - previous.date).days, 1))
                previous = reading

    def _anomaly(self, previous, consumption, rates):
        """Why this reading needs review, or None. Compared by day, so that a handover reading
        in the middle of a month is not a spike; the second reading of a meter, which has no
        history yet, is compared with the meter's expected monthly use; a jump after readings
        that used nothing is a spike too."""
        if previous is None:
            return None
        if self.value < previous.value:
            return _("Lower than the previous reading (%(previous)s).", previous=previous.value)
        if self.is_estimated:
            return None
        rate = consumption / max((self.date - previous.date).days, 1)
        recent = rates[-AVERAGE_OF:]
        if recent:
            average = sum(recent) / len(recent)
        elif self.meter_id.expected_monthly_use:
            average = self.meter_id.expected_monthly_use / 30
        else:
            return None
        if average <= 0:
            if consumption > 0:
                return _(
                    "Consumption %(consumption)s after readings with no consumption.",
                    consumption=consumption,
                )
            return None
        if rate > SPIKE_FACTOR * average:
            return _(
                "Consumption %(consumption)s is more than %(factor)s times the "
                "average of the last readings (%(average)s).",
                consumption=consumption,
                factor=SPIKE_FACTOR,
                average=round(average * max((self.date - previous.date).days, 1), 2),
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
    def _parse_rows(self, rows):
        """[(line, parsed row or None, error message)] of rows from outside."""
        parsed = []
        for line, row in enumerate(rows, start=1):
            try:
                parsed.append((line, parse_row(self.env, row), ""))
            except ValidationError as error:
                parsed.append((line, None, str(error.args[0] if error.args else error)))
        return parsed

    @api.model
    def _find_meters(self, keys):
        """{(mall code, meter code): meter or error message} of these keys. A meter number is
        unique in a mall only: without the mall, a number found in several malls is refused."""
        codes = {code for _mall, code in keys}
        meters = self.env["mall.meter"].search([("code", "in", list(codes))])
        by_code = {}
        for meter in meters:
            by_code.setdefault(meter.code, self.env["mall.meter"])
            by_code[meter.code] |= meter
        found = {}
        for mall, code in keys:
            candidates = by_code.get(code, self.env["mall.meter"])
            if mall:
                candidates = candidates.filtered(lambda m, mall=mall: m.sudo().mall_id.code == mall)
            if not candidates:
                if mall:
                    found[mall, code] = _(
                        "Unknown meter %(meter)s in mall %(mall)s.", meter=code, mall=mall
                    )
                else:
                    found[mall, code] = _("Unknown meter %(meter)s.", meter=code)
            elif len(candidates) > 1:
                found[mall, code] = _(
                    "Meter number %(meter)s exists in several malls (%(malls)s): give the "
                    "mall code.",
                    meter=code,
                    malls=", ".join(sorted(candidates.sudo().mapped("mall_id.code"))),
                )
            else:
                found[mall, code] = candidates
        return found

    @api.model
    def _import_rows(self, rows):
        """Create readings from rows of dicts with ``mall`` (mall code, needed when the meter
        number is used in several malls), ``meter`` (meter number), ``date`` and ``value``;
        each row is created on its own, so that a bad row does not stop the others. Returns
        one result per row: {line, status: valid|flagged|error, message, id}."""
        parsed = self._parse_rows(rows)
        found = self._find_meters({(p[0], p[1]) for _line, p, _error in parsed if p})
        meters = self.env["mall.meter"].union(
            *[m for m in found.values() if isinstance(m, models.BaseModel)]
        )
        taken = {(r.meter_id.id, r.date) for r in self.search([("meter_id", "in", meters.ids)])}
        results = []
        for line, row, message in parsed:
            result = {"line": line, "status": "error", "message": message, "id": False}
            results.append(result)
            if not row:
                continue
            mall, code, date, value = row
            try:
                meter = found[mall, code]
                if isinstance(meter, str):
                    raise ValidationError(meter)
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
        return results
