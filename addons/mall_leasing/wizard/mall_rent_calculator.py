from dateutil.relativedelta import relativedelta

from odoo import Command, _, api, fields, models
from odoo.exceptions import UserError


class MallRentCalculator(models.TransientModel):
    """Rent calculator (租金测算) on one or several units: area × rent standard over a term,
    with rent-free months, escalation and partial months prorated by days. The arithmetic is
    ``mall.rent.schedule.compute_schedule`` (see its rounding rule)."""

    _name = "mall.rent.calculator"
    _description = "Rent Calculator"

    unit_ids = fields.Many2many("mall.unit", string="Units", required=True)
    company_id = fields.Many2one("res.company", default=lambda self: self.env.company)
    currency_id = fields.Many2one(related="company_id.currency_id")
    date_start = fields.Date(
        string="Start", required=True, default=lambda self: fields.Date.context_today(self)
    )
    term_months = fields.Integer(string="Term (months)", default=36)
    date_end = fields.Date(
        string="End",
        compute="_compute_date_end",
        store=True,
        readonly=False,
        required=True,
        precompute=True,
    )
    rent_free_months = fields.Integer(string="Rent-free Months")
    escalation_rate = fields.Float(string="Yearly Escalation (%)", digits=(5, 2))
    escalation_months = fields.Integer(string="Escalate Every (months)", default=12)
    price_override = fields.Monetary(
        string="Price (CNY/m²/month)",
        help="Leave empty to use each unit's approved rent standard on the start date.",
    )
    line_ids = fields.One2many("mall.rent.calculator.line", "calculator_id", string="Schedule")
    total_amount = fields.Monetary(string="Total Rent", readonly=True)
    total_area = fields.Float(digits="Mall Area", compute="_compute_total_area")

    @api.depends("date_start", "term_months")
    def _compute_date_end(self):
        for calc in self:
            if calc.date_start and calc.term_months > 0:
                calc.date_end = calc.date_start + relativedelta(months=calc.term_months, days=-1)

    @api.depends("unit_ids")
    def _compute_total_area(self):
        for calc in self:
            calc.total_area = sum(calc.unit_ids.mapped("leasable_area"))

    def _compute_lines(self):
        """Run the schedule engine for every unit; returns (line values, total)."""
        self.ensure_one()
        engine = self.env["mall.rent.schedule"]
        prices = self.unit_ids._rent_price_on(self.date_start)
        rent_free = engine.rent_free_range(self.date_start, self.rent_free_months)
        lines, total = [], 0
        for unit in self.unit_ids:
            price = self.price_override or prices.get(unit.id)
            if not price:
                raise UserError(
                    _(
                        "Unit %(code)s has no approved rent standard on %(date)s: enter a price.",
                        code=unit.code,
                        date=self.date_start,
                    )
                )
            schedule = engine.compute_schedule(
                unit.leasable_area,
                price,
                self.date_start,
                self.date_end,
                rent_free=rent_free,
                escalation_rate=self.escalation_rate / 100,
                escalation_months=self.escalation_months or 12,
            )
            total += schedule["total"]
            lines += [
                {
                    "unit_id": unit.id,
                    "period_start": line["period_start"],
                    "period_end": line["period_end"],
                    "days": line["days"],
                    "days_in_month": line["days_in_month"],
                    "free_days": line["free_days"],
                    "unit_price": float(line["unit_price"]),
                    "area": unit.leasable_area,
                    "amount": float(line["amount"]),
                }
                for line in schedule["lines"]
            ]
        return lines, total

    def action_compute(self):
        """Fill the month-by-month schedule and the total, and show them."""
        self.ensure_one()
        lines, total = self._compute_lines()
        self.write(
            {
                "line_ids": [Command.clear()] + [Command.create(v) for v in lines],
                "total_amount": float(total),
            }
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
            "name": _("Rent Calculator"),
        }


class MallRentCalculatorLine(models.TransientModel):
    _name = "mall.rent.calculator.line"
    _description = "Rent Calculator: Month"
    _order = "unit_id, period_start"

    calculator_id = fields.Many2one("mall.rent.calculator", required=True, ondelete="cascade")
    currency_id = fields.Many2one(related="calculator_id.currency_id")
    unit_id = fields.Many2one("mall.unit")
    period_start = fields.Date(string="From")
    period_end = fields.Date(string="To")
    days = fields.Integer()
    days_in_month = fields.Integer(string="Days in Month")
    free_days = fields.Integer(string="Rent-free Days")
    area = fields.Float(digits="Mall Area")
    unit_price = fields.Monetary(string="Price (CNY/m²/month)")
    amount = fields.Monetary()
