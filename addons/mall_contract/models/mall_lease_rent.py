"""A lease's rent: the schedules of the suite's rent engine (mall.rent.schedule) per unit, their
total and month-by-month preview, and the receivables billing draws from
(``_get_charge_lines``)."""

from collections import defaultdict
from decimal import Decimal

from odoo import api, fields, models
from odoo.exceptions import ValidationError


class MallLease(models.Model):
    _inherit = "mall.lease"

    total_rent = fields.Monetary(
        string="Total Rent over the Term", compute="_compute_total_rent", store=True
    )
    schedule_preview = fields.Html(compute="_compute_schedule_preview", sanitize=False)

    @api.depends(
        "line_ids.leasable_area",
        "line_ids.price",
        "date_start",
        "date_end",
        "rent_free_ids.date_from",
        "rent_free_ids.date_to",
        "escalation_rate",
        "escalation_months",
    )
    def _compute_total_rent(self):
        for lease in self:
            try:
                lease.total_rent = float(
                    sum((sched["total"] for sched in lease._rent_schedules().values()), Decimal(0))
                )
            except ValidationError:
                lease.total_rent = 0.0

    @api.depends(
        "line_ids.leasable_area",
        "line_ids.price",
        "date_start",
        "date_end",
        "rent_free_ids",
        "escalation_rate",
        "escalation_months",
    )
    def _compute_schedule_preview(self):
        qweb = self.env["ir.qweb"]
        for lease in self:
            try:
                schedules = lease._rent_schedules()
            except ValidationError as error:
                lease.schedule_preview = qweb._render(
                    "mall_contract.lease_schedule_preview", {"error": error.args[0]}
                )
                continue
            by_month = defaultdict(Decimal)
            for sched in schedules.values():
                for line in sched["lines"]:
                    by_month[line["period_start"]] += line["amount"]
            lease.schedule_preview = qweb._render(
                "mall_contract.lease_schedule_preview",
                {
                    "months": [
                        (month.strftime("%Y-%m"), f"{amount:,.2f}")
                        for month, amount in sorted(by_month.items())
                    ],
                },
            )

    def _rent_free_ranges(self):
        self.ensure_one()
        return [(rf.date_from, rf.date_to) for rf in self.rent_free_ids]

    def _rent_schedules(self):
        """{lease line: schedule} from the suite's rent engine (mall.rent.schedule), one per
        unit with its own price, the lease's escalation and rent-free periods."""
        self.ensure_one()
        engine = self.env["mall.rent.schedule"]
        if not (self.date_start and self.date_end):
            return {}
        free = self._rent_free_ranges()
        return {
            line: engine.compute_schedule(
                line.leasable_area,
                line.price,
                self.date_start,
                self.date_end,
                rent_free=free,
                escalation_rate=(self.escalation_rate or 0.0) / 100.0,
                escalation_months=self.escalation_months or 12,
            )
            for line in self.line_ids
            if line.leasable_area > 0
        }

    def _get_charge_lines(self, date_from=None, date_to=None):
        """The receivables of the leases of ``self``, month by month, for billing.

        Returns a list of dicts: ``lease`` (record), ``line`` (mall.lease.line), ``unit``,
        ``charge`` ('rent' or the fee type code), ``fee`` (mall.lease.fee or empty),
        ``billing_cycle``, ``period_start``, ``period_end``, ``amount`` (Decimal, fen-rounded,
        prorated by days) — only periods overlapping ``date_from``..``date_to`` when given.
        Rent follows escalation and rent-free periods; fees are due every day of the term
        (property fees usually stay due while rent is free). Turnover rent is not in here:
        it depends on declared sales, see ``_turnover_rent``."""
        engine = self.env["mall.rent.schedule"]
        date_from = fields.Date.to_date(date_from)
        date_to = fields.Date.to_date(date_to)
        result = []

        def keep(item):
            return (not date_from or item["period_end"] >= date_from) and (
                not date_to or item["period_start"] <= date_to
            )

        for lease in self:
            end = lease.termination_date if lease.state == "terminated" else lease.date_end
            if lease.rent_mode != "turnover":
                for line, sched in lease._rent_schedules().items():
                    for item in sched["lines"]:
                        if keep(item) and item["period_start"] <= end:
                            result.append(
                                {
                                    "lease": lease,
                                    "line": line,
                                    "unit": line.unit_id,
                                    "charge": "rent",
                                    "fee": self.env["mall.lease.fee"],
                                    "billing_cycle": lease.payment_cycle,
                                    **item,
                                }
                            )
            for fee in lease.fee_ids:
                for line in lease.line_ids:
                    sched = engine.compute_schedule(
                        line.leasable_area, fee.price, lease.date_start, end
                    )
                    for item in sched["lines"]:
                        if keep(item):
                            result.append(
                                {
                                    "lease": lease,
                                    "line": line,
                                    "unit": line.unit_id,
                                    "charge": fee.fee_type,
                                    "fee": fee,
                                    "billing_cycle": fee.billing_cycle,
                                    **item,
                                }
                            )
        return result
