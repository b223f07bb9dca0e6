from collections import defaultdict
from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

# Rent per day derived from the monthly price on a 365-day year (月租金 × 12 ÷ 365), the usual
# basis of Chinese lease templates for daily rents.
DAYS_PER_YEAR = 365


class MallRentStandard(models.Model):
    """A rent standard (租金标准): the price per m² of leasable area per month of one unit,
    in force from a start date, approved by a leasing manager.

    Adjustments (调租) are new standards: approving one that starts while an open-ended standard
    is in force closes that one the day before, so the whole price history of a unit stays
    readable with its reasons and approvers. Ask the price in force on a date with
    ``mall.unit._rent_price_on(date)``."""

    _name = "mall.rent.standard"
    _description = "Rent Standard"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "unit_id, date_start desc, id desc"

    unit_id = fields.Many2one(
        "mall.unit", required=True, index=True, ondelete="cascade", tracking=True
    )
    mall_id = fields.Many2one(related="unit_id.mall_id", store=True, index=True)
    floor_id = fields.Many2one(related="unit_id.floor_id", store=True, index=True)
    category_id = fields.Many2one(related="unit_id.category_id", store=True)
    company_id = fields.Many2one(related="unit_id.company_id", store=True, index=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    leasable_area = fields.Float(related="unit_id.leasable_area")
    date_start = fields.Date(
        string="Effective From",
        required=True,
        index=True,
        tracking=True,
        default=fields.Date.context_today,
    )
    date_end = fields.Date(
        string="Effective To",
        tracking=True,
        help="Last day in force; empty: until a later standard is approved.",
    )
    price_month = fields.Monetary(
        string="Rent (CNY/m²/month)",
        required=True,
        tracking=True,
        help="Rent per m² of leasable area per month.",
    )
    price_day = fields.Float(
        string="Rent (CNY/m²/day)",
        digits=(16, 4),
        compute="_compute_price_day",
        store=True,
        help="Monthly rent × 12 ÷ 365.",
    )
    monthly_rent = fields.Monetary(
        compute="_compute_monthly_rent",
        help="Rent per month of the whole unit: price × leasable area.",
    )
    previous_id = fields.Many2one(
        "mall.rent.standard", string="Previous Standard", compute="_compute_previous"
    )
    previous_price = fields.Monetary(compute="_compute_previous")
    change_percent = fields.Float(string="Change (%)", compute="_compute_previous")
    reason = fields.Char(
        tracking=True, help="Why this price: initial pricing, yearly adjustment, market review ..."
    )
    state = fields.Selection(
        [("draft", "Draft"), ("approved", "Approved"), ("cancelled", "Cancelled")],
        default="draft",
        required=True,
        index=True,
        tracking=True,
        copy=False,
    )
    approved_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    approved_date = fields.Datetime(string="Approved On", readonly=True, copy=False)

    _price_positive = models.Constraint(
        "CHECK(price_month >= 0)", "A rent price cannot be negative."
    )
    _dates_ordered = models.Constraint(
        "CHECK(date_end IS NULL OR date_end >= date_start)",
        "A rent standard cannot end before it starts.",
    )
    _unit_start_unique = models.UniqueIndex(
        "(unit_id, date_start) WHERE state != 'cancelled'",
        "This unit already has a rent standard starting on that date.",
    )

    @api.depends("price_month")
    def _compute_price_day(self):
        for standard in self:
            standard.price_day = standard.price_month * 12 / DAYS_PER_YEAR

    @api.depends("price_month", "unit_id.leasable_area")
    def _compute_monthly_rent(self):
        for standard in self:
            standard.monthly_rent = standard.currency_id.round(
                standard.price_month * standard.unit_id.leasable_area
            )

    @api.depends("unit_id", "date_start", "price_month")
    def _compute_previous(self):
        approved = self.search(
            [("unit_id", "in", self.unit_id.ids), ("state", "=", "approved")],
            order="date_start desc, id desc",
        )
        by_unit = defaultdict(list)
        for standard in approved:
            by_unit[standard.unit_id.id].append(standard)
        for standard in self:
            previous = next(
                (
                    s
                    for s in by_unit[standard.unit_id.id]
                    if standard.date_start and s.date_start < standard.date_start and s != standard
                ),
                self.browse(),
            )
            standard.previous_id = previous
            standard.previous_price = previous.price_month
            standard.change_percent = (
                100.0 * (standard.price_month - previous.price_month) / previous.price_month
                if previous.price_month
                else 0.0
            )

    @api.depends("unit_id", "date_start")
    def _compute_display_name(self):
        for standard in self:
            standard.display_name = _(
                "%(unit)s from %(date)s",
                unit=standard.unit_id.code or "",
                date=fields.Date.to_string(standard.date_start) or "",
            )

    # ------------------------------------------------------------------ rules
    @api.constrains("state", "unit_id", "date_start", "date_end")
    def _check_no_overlap(self):
        """Two approved standards of one unit never cover the same day, and two live ones
        (draft or approved) never start the same day."""
        units = self.unit_id
        others = self.search([("unit_id", "in", units.ids), ("state", "!=", "cancelled")])
        by_unit = defaultdict(list)
        for other in others:
            by_unit[other.unit_id.id].append(other)
        for standard in self.filtered(lambda s: s.state != "cancelled"):
            for other in by_unit[standard.unit_id.id]:
                if other == standard:
                    continue
                if other.date_start == standard.date_start:
                    raise ValidationError(
                        _(
                            "Unit %(unit)s already has a rent standard starting on %(date)s.",
                            unit=standard.unit_id.code,
                            date=standard.date_start,
                        )
                    )
                if standard.state == "approved" == other.state and _overlaps(standard, other):
                    raise ValidationError(
                        _(
                            "Unit %(unit)s: the rent standard from %(date)s overlaps the approved "
                            "standard from %(other)s (%(other_end)s).",
                            unit=standard.unit_id.code,
                            date=standard.date_start,
                            other=other.date_start,
                            other_end=other.date_end or _("open-ended"),
                        )
                    )

    def _is_manager(self):
        return self.env.su or self.env.user.has_group("mall_leasing.group_leasing_manager")

    @api.model_create_multi
    def create(self, vals_list):
        if any(vals.get("state") == "approved" for vals in vals_list) and not self._is_manager():
            raise AccessError(_("Only a leasing manager can approve rent standards."))
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.context.get("mall_rent_approving"):
            if vals.get("state") == "approved" and not self._is_manager():
                raise AccessError(_("Only a leasing manager can approve rent standards."))
            locked = set(vals) & {"unit_id", "date_start", "date_end", "price_month"}
            if locked and self.filtered(lambda s: s.state == "approved"):
                raise UserError(
                    _(
                        "An approved rent standard cannot be changed. Create a new standard "
                        "(an adjustment) from the date the price changes."
                    )
                )
        return super().write(vals)

    # ------------------------------------------------------------------ actions
    def action_approve(self):
        """Approve draft standards (leasing managers only). A standard starting while an
        open-ended approved one is in force ends that one the day before; any other overlap
        with an approved standard is refused and nothing is written."""
        if not self._is_manager():
            raise AccessError(_("Only a leasing manager can approve rent standards."))
        drafts = self.filtered(lambda s: s.state == "draft")
        if not drafts:
            raise UserError(_("Only draft rent standards can be approved."))
        approved = self.search([("unit_id", "in", drafts.unit_id.ids), ("state", "=", "approved")])
        by_unit = defaultdict(list)
        for standard in approved:
            by_unit[standard.unit_id.id].append(standard)
        closings = {}
        for standard in drafts.sorted("date_start"):
            for current in by_unit[standard.unit_id.id]:
                current_end = closings.get(current, current.date_end)
                if not _overlaps(standard, current, second_end=current_end):
                    continue
                if not current_end and current.date_start < standard.date_start:
                    closings[current] = standard.date_start - timedelta(days=1)
                else:
                    raise ValidationError(
                        _(
                            "Unit %(unit)s: the rent standard from %(date)s overlaps the approved "
                            "standard from %(other)s; end or cancel that one first.",
                            unit=standard.unit_id.code,
                            date=standard.date_start,
                            other=current.date_start,
                        )
                    )
            by_unit[standard.unit_id.id].append(standard)
        approving = self.with_context(mall_rent_approving=True)
        # one write per distinct end date: a bulk adjustment closes many standards at once
        by_end = defaultdict(list)
        for current, end in closings.items():
            by_end[end].append(current.id)
        for end, ids in by_end.items():
            approving.browse(ids).write({"date_end": end})
        approving.browse(drafts.ids).write(
            {
                "state": "approved",
                "approved_by_id": self.env.uid,
                "approved_date": fields.Datetime.now(),
            }
        )
        return True

    def action_cancel(self):
        """Cancel draft standards; a manager may also withdraw an approved one (the chatter
        keeps the trace)."""
        if self.filtered(lambda s: s.state == "approved") and not self._is_manager():
            raise AccessError(_("Only a leasing manager can cancel an approved rent standard."))
        self.with_context(mall_rent_approving=True).write({"state": "cancelled"})
        return True

    def action_draft(self):
        """Back to draft from cancelled."""
        self.filtered(lambda s: s.state == "cancelled").write({"state": "draft"})
        return True


def _overlaps(first, second, second_end=False):
    """True when the date ranges of two standards share a day (no end: open to the future);
    ``second_end`` replaces the end of ``second`` when given."""
    first_end = first.date_end or fields.Date.to_date("9999-12-31")
    second_end = second_end or second.date_end or fields.Date.to_date("9999-12-31")
    return first.date_start <= second_end and second.date_start <= first_end
