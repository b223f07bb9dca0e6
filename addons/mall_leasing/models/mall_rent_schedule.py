import calendar
from datetime import date, timedelta
from decimal import Decimal

from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from ..lib.money import round_fen, to_decimal


class MallRentSchedule(models.AbstractModel):
    """The rent schedule engine (租金测算): the one place where a rent over a term is cut into
    months. The rent calculator shows it; contracts and billing call the same method.

    Rounding rule (documented once, used everywhere):
      * the base price is used as given; each later escalation step's unit price = base price
        × (1 + rate) ^ step, rounded half up to 0.01 yuan/m²/month (the price a lease prints);
      * each calendar month's amount = area × Σ(unit price × billable days at that price)
        ÷ days in that month, rounded half up to the fen;
      * the total is the sum of the rounded months (so lines always add up to the total)."""

    _name = "mall.rent.schedule"
    _description = "Rent Schedule Engine"

    @api.model
    def rent_free_range(self, date_start, months):
        """The rent-free range of ``months`` whole months from ``date_start``:
        [(first day, last day)] or [] when ``months`` is 0."""
        if not months:
            return []
        date_start = fields.Date.to_date(date_start)
        return [(date_start, date_start + relativedelta(months=months) - timedelta(days=1))]

    @api.model
    def compute_schedule(
        self,
        area,
        monthly_price,
        date_start,
        date_end,
        rent_free=(),
        escalation_rate=0.0,
        escalation_months=12,
    ):
        """Month-by-month rent of one unit over a term.

        :param area: leasable area in m² (> 0)
        :param monthly_price: base rent in yuan per m² per month (≥ 0), in force from
            ``date_start`` until the first escalation
        :param date_start: first day of the term (date or "YYYY-MM-DD")
        :param date_end: last day of the term, included
        :param rent_free: iterable of (first day, last day) rent-free ranges, days included
            (see ``rent_free_range`` for "N months from the start")
        :param escalation_rate: yearly (or per ``escalation_months``) increase as a fraction,
            0.05 for +5 %, compounded; steps start on the anniversaries of ``date_start``
        :param escalation_months: months between two escalations (default 12)
        :return: {"lines": [...], "total": Decimal} where each line is a dict with
            ``period_start`` / ``period_end`` (the part of the calendar month inside the term),
            ``days_in_month``, ``days`` (days of the term in it), ``free_days``,
            ``billable_days``, ``unit_price`` (Decimal, price of the last billable day, or of
            the period when none), ``prices`` ([(price, days)] when several apply) and
            ``amount`` (Decimal, rounded to the fen); ``total`` is the sum of the amounts.
            Amounts are Decimals: use ``float(amount)`` for a Monetary field.
        :raise ValidationError: on a non-positive area, a negative price or rate, or an end
            before the start."""
        area = to_decimal(area)
        base = to_decimal(monthly_price)
        rate = to_decimal(escalation_rate)
        date_start = fields.Date.to_date(date_start)
        date_end = fields.Date.to_date(date_end)
        if not date_start or not date_end or date_end < date_start:
            raise ValidationError(_("The rent term must end on or after its start date."))
        if area <= 0:
            raise ValidationError(_("The area must be greater than zero."))
        if base < 0 or rate < 0:
            raise ValidationError(_("The rent price and the escalation rate cannot be negative."))
        if escalation_months < 1:
            raise ValidationError(_("Escalation must happen every month or less often."))
        free_ranges = [(fields.Date.to_date(a), fields.Date.to_date(b)) for a, b in rent_free]

        # Escalation steps: (first day of the step, rounded unit price).
        steps = []
        step, step_start = 0, date_start
        while step_start <= date_end:
            steps.append((step_start, base if not step else round_fen(base * (1 + rate) ** step)))
            step += 1
            step_start = date_start + relativedelta(months=step * escalation_months)

        lines, total = [], Decimal(0)
        month_first = date(date_start.year, date_start.month, 1)
        while month_first <= date_end:
            days_in_month = calendar.monthrange(month_first.year, month_first.month)[1]
            month_last = month_first.replace(day=days_in_month)
            period_start, period_end = max(month_first, date_start), min(month_last, date_end)
            days_by_price, free_days = {}, 0
            day, price_index = period_start, 0
            last_price = None
            while day <= period_end:
                while price_index + 1 < len(steps) and steps[price_index + 1][0] <= day:
                    price_index += 1
                price = steps[price_index][1]
                if any(a <= day <= b for a, b in free_ranges):
                    free_days += 1
                else:
                    days_by_price[price] = days_by_price.get(price, 0) + 1
                    last_price = price
                day += timedelta(days=1)
            if last_price is None:
                last_price = steps[price_index][1]
            amount = round_fen(
                area * sum((p * d for p, d in days_by_price.items()), Decimal(0)) / days_in_month
            )
            days = (period_end - period_start).days + 1
            lines.append(
                {
                    "period_start": period_start,
                    "period_end": period_end,
                    "days_in_month": days_in_month,
                    "days": days,
                    "free_days": free_days,
                    "billable_days": days - free_days,
                    "unit_price": last_price,
                    "prices": sorted(days_by_price.items()),
                    "amount": amount,
                }
            )
            total += amount
            month_first = month_last + timedelta(days=1)
        return {"lines": lines, "total": total}
