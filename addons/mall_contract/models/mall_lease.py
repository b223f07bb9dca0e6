import base64
import hashlib
from collections import defaultdict
from datetime import timedelta
from decimal import Decimal
from io import BytesIO

from dateutil.relativedelta import relativedelta
from markupsafe import Markup, escape

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools.pdf import PdfReader

from .mall_lease_line import BLOCKING_STATES

LEASE_STATES = [
    ("draft", "Draft"),
    ("submitted", "Submitted"),
    ("approved", "Approved"),
    ("signing", "Signing"),
    ("active", "Active"),
    ("expiring", "Expiring"),
    ("expired", "Expired"),
    ("terminated", "Terminated"),
]
# A lease in force: its tenant occupies (or will occupy) the units.
RUNNING_STATES = ("active", "expiring")
LEASE_TYPES = [
    ("standard", "Standard Lease"),
    ("joint", "Joint Operation"),
    ("temporary", "Temporary Space"),
    ("office", "Office Lease"),
]
RENT_MODES = [
    ("fixed", "Fixed Rent"),
    ("turnover", "Turnover Rent"),
    ("higher", "Fixed or Turnover, Whichever Is Higher"),
    ("stepped", "Stepped Turnover Rates"),
]
PAYMENT_CYCLES = [
    ("monthly", "Monthly"),
    ("quarterly", "Quarterly"),
    ("semiannual", "Half-yearly"),
    ("yearly", "Yearly"),
]
# The terms a signed lease keeps; after the draft they change only through an amendment.
TERM_FIELDS = {
    "tenant_id", "mall_id", "date_start", "date_end", "date_handover", "date_opening",
    "rent_mode", "turnover_rate", "escalation_rate", "escalation_months", "deposit_lease",
    "deposit_renovation", "deposit_quality", "payment_cycle", "due_day", "payment_timing",
    "late_fee_rate", "late_fee_grace_days", "late_fee_cap", "special_clauses", "body",
    "line_ids", "fee_ids", "rent_free_ids", "band_ids", "lease_type",
}


class MallLease(models.Model):
    """A lease (租赁合同): a tenant rents one or several units for a term, on terms that go
    through approval and electronic signature before they are in force.

    Life cycle: draft → submitted → approved → signing → active → expiring → expired, or
    terminated early; a rejection sends a submitted, approved or signing lease back to draft.
    Other addons hook on ``_on_lease_activated`` (the lease is in force) and read the
    receivables from ``_get_charge_lines``."""

    _name = "mall.lease"
    _description = "Lease"
    _inherit = ["portal.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "date_start desc, id desc"

    name = fields.Char(
        string="Lease Number", required=True, copy=False, readonly=True, default="/",
        index=True)
    company_id = fields.Many2one(related="mall_id.company_id", store=True, index=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    mall_id = fields.Many2one(
        "mall.mall", required=True, index=True, tracking=True, ondelete="restrict",
        default=lambda self: self.env["mall.mall"].search([], limit=1))
    tenant_id = fields.Many2one(
        "res.partner", required=True, index=True, tracking=True,
        ondelete="restrict", domain="[('is_company', '=', True)]")
    tenant_contact_id = fields.Many2one(
        "res.partner", string="Tenant Signatory", tracking=True,
        domain="[('parent_id', '=', tenant_id), ('is_company', '=', False)]",
        compute="_compute_tenant_contact", store=True, readonly=False,
        help="The tenant's person who signs the lease electronically in the portal.")
    user_id = fields.Many2one(
        "res.users", string="Responsible", default=lambda self: self.env.user, tracking=True)
    landlord_user_id = fields.Many2one(
        "res.users", string="Landlord Signatory", tracking=True,
        help="Signs for the mall; by default the manager who gives the final approval.")
    lease_type = fields.Selection(LEASE_TYPES, required=True, default="standard", tracking=True)
    template_id = fields.Many2one(
        "mall.lease.template", domain="[('lease_type', '=', lease_type)]")
    state = fields.Selection(
        LEASE_STATES, string="Status", required=True, default="draft", tracking=True,
        index=True, copy=False)

    # Term
    date_start = fields.Date(string="Start Date", required=True, tracking=True)
    date_end = fields.Date(string="End Date", required=True, tracking=True)
    date_handover = fields.Date(
        string="Handover Date", tracking=True, help="交付日: the tenant receives the keys.")
    date_opening = fields.Date(
        string="Opening Date", tracking=True, help="开业日: the shop opens to the public.")
    duration_months = fields.Integer(compute="_compute_duration_months")

    # Units and rent
    line_ids = fields.One2many("mall.lease.line", "lease_id", string="Units", copy=True)
    unit_ids = fields.Many2many("mall.unit", compute="_compute_unit_ids", string="Leased Units")
    total_area = fields.Float(
        string="Leasable Area (m²)", digits="Mall Area", compute="_compute_amounts", store=True)
    monthly_rent = fields.Monetary(
        string="Base Monthly Rent", compute="_compute_amounts", store=True)
    rent_mode = fields.Selection(RENT_MODES, required=True, default="fixed", tracking=True)
    turnover_rate = fields.Float(
        string="Turnover Rate (%)", digits=(5, 2),
        help="Share of the tenant's sales due as rent (扣点), for the turnover modes.")
    band_ids = fields.One2many(
        "mall.lease.turnover.band", "lease_id", string="Turnover Rate Bands", copy=True)
    escalation_rate = fields.Float(
        string="Escalation (%)", digits=(5, 2),
        help="递增: rent increase every escalation period, e.g. 5 for +5 % per year.")
    escalation_months = fields.Integer(string="Escalation Every (Months)", default=12)
    rent_free_ids = fields.One2many("mall.lease.rent.free", "lease_id", string="Rent-free Periods")
    fee_ids = fields.One2many("mall.lease.fee", "lease_id", string="Fees", copy=True)
    total_rent = fields.Monetary(
        string="Total Rent over the Term", compute="_compute_total_rent", store=True)
    standard_monthly_rent = fields.Monetary(compute="_compute_discount")
    discount_pct = fields.Float(
        string="Discount vs Rent Standard (%)", compute="_compute_discount", digits=(5, 2))
    schedule_preview = fields.Html(compute="_compute_schedule_preview", sanitize=False)

    # Deposits and payment
    deposit_lease = fields.Monetary(string="Lease Deposit")
    deposit_renovation = fields.Monetary(string="Renovation Deposit")
    deposit_quality = fields.Monetary(string="Quality Deposit")
    payment_cycle = fields.Selection(PAYMENT_CYCLES, required=True, default="monthly")
    due_day = fields.Integer(string="Payment Due Day", default=5,
                             help="Day of the month on which each payment is due.")
    payment_timing = fields.Selection(
        [("advance", "In Advance"), ("arrears", "In Arrears")], required=True,
        default="advance")
    late_fee_rate = fields.Float(
        string="Late Fee (% per Day)", digits=(6, 3), default=0.05,
        help="Daily rate on the overdue amount; 0.05 % per day (万分之五) is common.")
    late_fee_grace_days = fields.Integer(string="Grace Days", default=0)
    late_fee_cap = fields.Float(
        string="Late Fee Cap (%)", digits=(5, 2), default=30.0,
        help="Late fees never exceed this share of the overdue amount.")
    special_clauses = fields.Html()
    body = fields.Html(string="Contract Text", sanitize_style=True,
                       help="The contract text with placeholders such as {{tenant}}.")

    # Approval
    approval_level = fields.Selection(
        [("1", "Leasing Manager"), ("2", "Leasing Manager and Finance Manager")],
        compute="_compute_approval_level", store=True,
        help="Leases with a large discount against the rent standard or a large total value "
             "also need a finance manager's approval (thresholds on the company).")
    approved_l1_by_id = fields.Many2one("res.users", string="Approved by (Leasing)",
                                        readonly=True, copy=False)
    approved_l1_date = fields.Datetime(readonly=True, copy=False)
    approved_l2_by_id = fields.Many2one("res.users", string="Approved by (Finance)",
                                        readonly=True, copy=False)
    approved_l2_date = fields.Datetime(readonly=True, copy=False)
    reject_reason = fields.Text(readonly=True, copy=False)

    # Signature
    sign_request_id = fields.Many2one("sign.oca.request", readonly=True, copy=False)
    tenant_signer_id = fields.Many2one("sign.oca.request.signer", readonly=True, copy=False)
    landlord_signer_id = fields.Many2one("sign.oca.request.signer", readonly=True, copy=False)
    signed_date = fields.Datetime(readonly=True, copy=False)
    signed_pdf_id = fields.Many2one("ir.attachment", string="Signed Contract", readonly=True,
                                    copy=False)
    signed_pdf_sha256 = fields.Char(string="Signed PDF SHA-256", readonly=True, copy=False)
    signature_audit = fields.Html(string="Signature Audit Trail", readonly=True, copy=False,
                                  sanitize=False)

    # Renewal, amendments, termination
    renewed_from_id = fields.Many2one("mall.lease", string="Renewal of", readonly=True,
                                      copy=False, index=True)
    renewal_ids = fields.One2many("mall.lease", "renewed_from_id", string="Renewals")
    amendment_ids = fields.One2many("mall.lease.amendment", "lease_id", string="Amendments")
    version = fields.Integer(default=1, readonly=True, copy=False)
    termination_date = fields.Date(readonly=True, copy=False, tracking=True)
    termination_reason = fields.Text(readonly=True, copy=False)
    termination_penalty = fields.Monetary(readonly=True, copy=False)
    termination_notes = fields.Text(string="Settlement Notes", readonly=True, copy=False)
    early_exit = fields.Boolean(readonly=True, copy=False,
                                help="Terminated before its end at the tenant's initiative.")
    units_released = fields.Boolean(readonly=True, copy=False)
    breach_ids = fields.One2many("mall.lease.breach", "lease_id", string="Breaches")
    reminder_ids = fields.One2many("mall.lease.reminder", "lease_id", string="Reminders Sent")
    days_to_end = fields.Integer(compute="_compute_days_to_end")

    _name_company_unique = models.Constraint(
        "UNIQUE(name, company_id)", "A lease number must be unique.")
    _dates_ordered = models.Constraint(
        "CHECK (date_end >= date_start)", "A lease must end on or after its start date.")
    _deposits_positive = models.Constraint(
        "CHECK (deposit_lease >= 0 AND deposit_renovation >= 0 AND deposit_quality >= 0)",
        "Deposits cannot be negative.")

    # ------------------------------------------------------------------ computes
    @api.depends("tenant_id")
    def _compute_tenant_contact(self):
        for lease in self:
            if lease.tenant_contact_id.parent_id != lease.tenant_id:
                users = lease.tenant_id.child_ids.user_ids
                lease.tenant_contact_id = (users.partner_id[:1]
                                           or lease.tenant_id.child_ids[:1] or lease.tenant_id)

    @api.depends("date_start", "date_end")
    def _compute_duration_months(self):
        for lease in self:
            if lease.date_start and lease.date_end and lease.date_end >= lease.date_start:
                delta = relativedelta(lease.date_end + timedelta(days=1), lease.date_start)
                lease.duration_months = delta.years * 12 + delta.months
            else:
                lease.duration_months = 0

    @api.depends("line_ids.unit_id")
    def _compute_unit_ids(self):
        for lease in self:
            lease.unit_ids = lease.line_ids.unit_id

    @api.depends("line_ids.leasable_area", "line_ids.price")
    def _compute_amounts(self):
        for lease in self:
            lease.total_area = sum(lease.line_ids.mapped("leasable_area"))
            lease.monthly_rent = sum(ln.leasable_area * ln.price for ln in lease.line_ids)

    @api.depends("line_ids.leasable_area", "line_ids.price", "date_start", "date_end",
                 "rent_free_ids.date_from", "rent_free_ids.date_to", "escalation_rate",
                 "escalation_months")
    def _compute_total_rent(self):
        for lease in self:
            try:
                lease.total_rent = float(sum(
                    (sched["total"] for sched in lease._rent_schedules().values()), Decimal(0)))
            except ValidationError:
                lease.total_rent = 0.0

    @api.depends("line_ids.standard_price", "line_ids.leasable_area", "monthly_rent")
    def _compute_discount(self):
        for lease in self:
            standard = sum(ln.standard_price * ln.leasable_area for ln in lease.line_ids)
            lease.standard_monthly_rent = standard
            lease.discount_pct = (1 - lease.monthly_rent / standard) * 100 if standard else 0.0

    @api.depends("monthly_rent", "total_rent", "date_start", "line_ids.unit_id")
    def _compute_approval_level(self):
        for lease in self:
            company = lease.company_id or self.env.company
            big = lease.total_rent > company.mall_lease_value_threshold
            discounted = lease.discount_pct > company.mall_lease_discount_threshold
            lease.approval_level = "2" if big or discounted else "1"

    @api.depends("line_ids.leasable_area", "line_ids.price", "date_start", "date_end",
                 "rent_free_ids", "escalation_rate", "escalation_months")
    def _compute_schedule_preview(self):
        for lease in self:
            try:
                schedules = lease._rent_schedules()
            except ValidationError as error:
                lease.schedule_preview = Markup("<p>%s</p>") % error.args[0]
                continue
            by_month = defaultdict(Decimal)
            for sched in schedules.values():
                for line in sched["lines"]:
                    by_month[line["period_start"]] += line["amount"]
            rows = Markup("").join(
                Markup("<tr><td>%s</td><td class='text-end'>%s</td></tr>") % (
                    month.strftime("%Y-%m"), f"{amount:,.2f}")
                for month, amount in sorted(by_month.items()))
            lease.schedule_preview = Markup(
                "<table class='table table-sm o_mall_lease_schedule'><thead><tr><th>%s</th>"
                "<th class='text-end'>%s</th></tr></thead><tbody>%s</tbody></table>") % (
                _("Month"), _("Rent (CNY)"), rows)

    def _compute_days_to_end(self):
        today = fields.Date.context_today(self)
        for lease in self:
            lease.days_to_end = (lease.date_end - today).days if lease.date_end else 0

    def _compute_access_url(self):
        result = super()._compute_access_url()
        for lease in self:
            lease.access_url = f"/my/leases/{lease.id}"
        return result

    # ------------------------------------------------------------------ constraints
    @api.constrains("date_start", "date_end", "date_handover", "date_opening")
    def _check_dates(self):
        for lease in self:
            if lease.date_end < lease.date_start:
                raise ValidationError(_(
                    "Lease %(lease)s: the end date %(end)s is before the start date %(start)s.",
                    lease=lease.name, end=lease.date_end, start=lease.date_start))
            if lease.date_handover and lease.date_handover > lease.date_end:
                raise ValidationError(_(
                    "Lease %(lease)s: the handover date must be before the end of the term.",
                    lease=lease.name))
            if lease.date_opening and not (
                    (lease.date_handover or lease.date_start) <= lease.date_opening
                    <= lease.date_end):
                raise ValidationError(_(
                    "Lease %(lease)s: the opening date must lie between the handover date (or "
                    "the start) and the end of the term.", lease=lease.name))

    @api.constrains("due_day", "late_fee_rate", "late_fee_grace_days", "late_fee_cap",
                    "turnover_rate", "escalation_rate", "escalation_months")
    def _check_payment_terms(self):
        for lease in self:
            if not 1 <= lease.due_day <= 28:
                raise ValidationError(_("The payment due day must be between 1 and 28."))
            if min(lease.late_fee_rate, lease.late_fee_grace_days, lease.late_fee_cap,
                   lease.turnover_rate, lease.escalation_rate) < 0:
                raise ValidationError(_(
                    "Rates, grace days and caps of a lease cannot be negative."))
            if lease.turnover_rate > 100 or lease.late_fee_cap > 100:
                raise ValidationError(_("A percentage cannot exceed 100."))
            if lease.escalation_months < 1:
                raise ValidationError(_("The escalation period must be at least one month."))

    @api.constrains("tenant_id")
    def _check_tenant_company(self):
        for lease in self:
            if not lease.tenant_id.is_company:
                raise ValidationError(_(
                    "The tenant of a lease must be a company, not %(name)s.",
                    name=lease.tenant_id.name))

    def _check_terms_editable(self):
        """Terms are frozen from submission on; amendments change them in a traced way."""
        if self.env.context.get("mall_lease_amend"):
            return
        locked = self.filtered(lambda lease: lease.state != "draft")
        if locked:
            raise UserError(_(
                "Lease %(lease)s is no longer a draft: its terms can only change through an "
                "amendment.", lease=locked[0].name))

    # ------------------------------------------------------------------ ORM
    @api.model
    def _check_date_vals(self, vals):
        """Refuse an end before the start with a clear message before the database's CHECK
        answers with its own."""
        start, end = vals.get("date_start"), vals.get("date_end")
        if start and end and fields.Date.to_date(end) < fields.Date.to_date(start):
            raise ValidationError(_(
                "The end date %(end)s of a lease cannot be before its start date %(start)s.",
                end=end, start=start))

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._check_date_vals(vals)
            if vals.get("name", "/") == "/":
                vals["name"] = self.env["ir.sequence"].next_by_code("mall.lease") or "/"
            if vals.get("template_id") and not vals.get("body"):
                vals["body"] = self.env["mall.lease.template"].browse(vals["template_id"]).body
        return super().create(vals_list)

    def write(self, vals):
        if TERM_FIELDS & set(vals):
            self._check_terms_editable()
        for lease in self:
            lease._check_date_vals({"date_start": lease.date_start, "date_end": lease.date_end,
                                    **{k: v for k, v in vals.items()
                                       if k in ("date_start", "date_end")}})
        if {"state", "date_start", "date_end", "termination_date"} & set(vals):
            # Checked before writing: the lines' copies of dates and state are recomputed on
            # flush, where the database's exclusion constraint would answer first, unreadably.
            self._check_overlap_before_write(vals)
        return super().write(vals)

    def _check_overlap_before_write(self, vals):
        """Refuse, with a readable message, a write that would make two leases in blocking
        states share a unit on the same day (one query for all the leases)."""
        def new_range(lease):
            state = vals.get("state", lease.state)
            if state not in BLOCKING_STATES:
                return None
            start = fields.Date.to_date(vals.get("date_start")) or lease.date_start
            end = fields.Date.to_date(vals.get("date_end")) or lease.date_end
            termination = (fields.Date.to_date(vals.get("termination_date"))
                           or lease.termination_date)
            if state == "terminated" and termination:
                end = termination
            return start, end

        ranges = {lease: new_range(lease) for lease in self}
        ranges = {lease: rng for lease, rng in ranges.items() if rng}
        if not ranges:
            return
        leases = self.browse([lease.id for lease in ranges])
        others = self.env["mall.lease.line"].sudo().search([
            ("unit_id", "in", leases.line_ids.unit_id.ids), ("state", "in", BLOCKING_STATES),
            ("lease_id", "not in", leases.ids)])
        for lease, (start, end) in ranges.items():
            for line in lease.line_ids:
                for other in others.filtered(lambda o, u=line.unit_id: o.unit_id == u):
                    if other.date_start <= end and start <= other.block_end:
                        raise ValidationError(_(
                            "Unit %(unit)s is already leased from %(start)s to %(end)s under "
                            "lease %(lease)s (%(tenant)s): leases on one unit cannot overlap.",
                            unit=line.unit_id.display_name, start=other.date_start,
                            end=other.block_end, lease=other.lease_id.name,
                            tenant=other.lease_id.tenant_id.name))

    @api.ondelete(at_uninstall=False)
    def _unlink_only_drafts(self):
        if any(lease.state != "draft" for lease in self):
            raise UserError(_("Only draft leases can be deleted."))

    @api.onchange("template_id")
    def _onchange_template_id(self):
        if self.template_id:
            self.body = self.template_id.body

    # ------------------------------------------------------------------ rent engine
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
                line.leasable_area, line.price, self.date_start, self.date_end,
                rent_free=free, escalation_rate=(self.escalation_rate or 0.0) / 100.0,
                escalation_months=self.escalation_months or 12)
            for line in self.line_ids if line.leasable_area > 0
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
            return ((not date_from or item["period_end"] >= date_from)
                    and (not date_to or item["period_start"] <= date_to))

        for lease in self:
            end = lease.termination_date if lease.state == "terminated" else lease.date_end
            if lease.rent_mode != "turnover":
                for line, sched in lease._rent_schedules().items():
                    for item in sched["lines"]:
                        if keep(item) and item["period_start"] <= end:
                            result.append({
                                "lease": lease, "line": line, "unit": line.unit_id,
                                "charge": "rent", "fee": self.env["mall.lease.fee"],
                                "billing_cycle": lease.payment_cycle, **item})
            for fee in lease.fee_ids:
                for line in lease.line_ids:
                    sched = engine.compute_schedule(
                        line.leasable_area, fee.price, lease.date_start, end)
                    for item in sched["lines"]:
                        if keep(item):
                            result.append({
                                "lease": lease, "line": line, "unit": line.unit_id,
                                "charge": fee.fee_type, "fee": fee,
                                "billing_cycle": fee.billing_cycle, **item})
        return result

    def _turnover_rent(self, sales, fixed_rent=0.0):
        """Rent due on ``sales`` for a period under the lease's rent mode (``fixed_rent`` is
        the fixed rent of the same period): what billing charges once sales are declared."""
        self.ensure_one()
        sales = Decimal(str(sales or 0))
        fixed = Decimal(str(fixed_rent or 0))
        if self.rent_mode == "fixed":
            return fixed
        if self.rent_mode == "stepped":
            rate = Decimal(0)
            for band in self.band_ids.sorted("sales_from"):
                if sales >= Decimal(str(band.sales_from)):
                    rate = Decimal(str(band.rate))
            return (sales * rate / 100).quantize(Decimal("0.01"))
        turnover = (sales * Decimal(str(self.turnover_rate)) / 100).quantize(Decimal("0.01"))
        return max(turnover, fixed) if self.rent_mode == "higher" else turnover

    # ------------------------------------------------------------------ contract text
    def _placeholder_values(self):
        """Values of the template placeholders, as plain text (escaped when rendered)."""
        self.ensure_one()
        lang = self.tenant_id.lang or self.env.lang
        lease = self.with_context(lang=lang)
        selection = {
            name: dict(lease._fields[name]._description_selection(lease.env))
            for name in ("rent_mode", "payment_cycle", "payment_timing", "lease_type")}

        def fmt_date(value):
            return value.strftime("%Y-%m-%d") if value else "-"

        return {
            "lease": lease.name,
            "tenant": lease.tenant_id.name,
            "tenant_uscc": lease.tenant_id.mall_uscc or "",
            "tenant_signatory": lease.tenant_contact_id.name or "",
            "landlord": lease.company_id.name,
            "mall": lease.mall_id.name,
            "units": "、".join(
                f"{ln.unit_id.display_name} ({ln.leasable_area:,.2f} m², "
                f"{ln.price:,.2f}/m²/{_('month')})" for ln in lease.line_ids),
            "area": f"{lease.total_area:,.2f}",
            "monthly_rent": f"{lease.monthly_rent:,.2f}",
            "total_rent": f"{lease.total_rent:,.2f}",
            "date_start": fmt_date(lease.date_start),
            "date_end": fmt_date(lease.date_end),
            "date_handover": fmt_date(lease.date_handover),
            "date_opening": fmt_date(lease.date_opening),
            "rent_mode": selection["rent_mode"].get(lease.rent_mode, ""),
            "turnover_rate": f"{lease.turnover_rate:g}",
            "escalation_rate": f"{lease.escalation_rate:g}",
            "payment_cycle": selection["payment_cycle"].get(lease.payment_cycle, ""),
            "payment_timing": selection["payment_timing"].get(lease.payment_timing, ""),
            "due_day": str(lease.due_day),
            "deposit_lease": f"{lease.deposit_lease:,.2f}",
            "deposit_renovation": f"{lease.deposit_renovation:,.2f}",
            "deposit_quality": f"{lease.deposit_quality:,.2f}",
            "late_fee_rate": f"{lease.late_fee_rate:g}",
            "late_fee_cap": f"{lease.late_fee_cap:g}",
        }

    def _render_body(self):
        """The contract text with its placeholders ({{tenant}}, {{units}} ...) replaced by the
        lease's values, HTML-escaped: a tenant name can never inject markup."""
        self.ensure_one()
        text = str(self.body or self.template_id.body or "")
        for key, value in self._placeholder_values().items():
            text = text.replace("{{%s}}" % key, str(escape(value)))
            text = text.replace("{{ %s }}" % key, str(escape(value)))
        return Markup(text)

    def _terms_snapshot(self):
        """The main terms as they read now (HTML), kept by amendments as the old version."""
        self.ensure_one()
        values = self._placeholder_values()
        rows = [
            (_("Version"), str(self.version)),
            (_("Term"), f"{values['date_start']} – {values['date_end']}"),
            (_("Units"), values["units"]),
            (_("Base Monthly Rent"), values["monthly_rent"]),
            (_("Rent Mode"), values["rent_mode"]),
            (_("Escalation (%)"), values["escalation_rate"]),
            (_("Fees"), "、".join(f"{fee.name or fee.fee_type} {fee.price:,.2f}"
                                  for fee in self.fee_ids) or "-"),
            (_("Lease Deposit"), values["deposit_lease"]),
        ]
        return Markup("<table class='table table-sm'>%s</table>") % Markup("").join(
            Markup("<tr><th>%s</th><td>%s</td></tr>") % row for row in rows)

    def _render_contract_pdf(self):
        """The contract PDF (bytes), rendered by wkhtmltopdf even under tests."""
        self.ensure_one()
        pdf, _fmt = self.env["ir.actions.report"].with_context(
            force_report_rendering=True)._render_qweb_pdf(
            "mall_contract.action_report_lease", self.ids)
        return pdf

    # ------------------------------------------------------------------ workflow
    def _log_step(self, message):
        for lease in self:
            lease.message_post(body=message, subtype_xmlid="mail.mt_note")

    def _check_state(self, allowed, action):
        wrong = self.filtered(lambda lease: lease.state not in allowed)
        if wrong:
            labels = dict(self._fields["state"]._description_selection(self.env))
            raise UserError(_(
                "Lease %(lease)s cannot be %(action)s while it is %(state)s.",
                lease=wrong[0].name, action=action, state=labels[wrong[0].state]))

    def action_submit(self):
        """Draft → submitted: the terms are complete and frozen for approval."""
        self._check_state(("draft",), _("submitted"))
        for lease in self:
            if not lease.line_ids:
                raise UserError(_("Lease %(lease)s has no unit.", lease=lease.name))
            if lease.rent_mode in ("turnover", "higher") and not lease.turnover_rate:
                raise UserError(_(
                    "Lease %(lease)s: a turnover rent needs a turnover rate.", lease=lease.name))
            if lease.rent_mode == "stepped" and not lease.band_ids:
                raise UserError(_(
                    "Lease %(lease)s: stepped turnover rates need at least one sales band.",
                    lease=lease.name))
            if not lease.body and not lease.template_id:
                raise UserError(_(
                    "Lease %(lease)s has no contract text: choose a template.",
                    lease=lease.name))
        self.write({"state": "submitted", "reject_reason": False})
        self._log_step(_("Submitted for approval by %(user)s.", user=self.env.user.name))
        return True

    def action_approve(self):
        """Approve at the level the current user may give; the last approval starts the
        electronic signature."""
        self._check_state(("submitted",), _("approved"))
        user = self.env.user
        now = fields.Datetime.now()
        # The group checks below are the rule; the writes then go through sudo because a
        # finance manager approves leases without editing them otherwise.
        for lease in self.sudo():
            if not lease.approved_l1_by_id:
                if not user.has_group("mall_leasing.group_leasing_manager"):
                    raise AccessError(_("Only a leasing manager can approve a lease."))
                lease.write({"approved_l1_by_id": user.id, "approved_l1_date": now})
                lease._log_step(_("Approved by leasing manager %(user)s.", user=user.name))
            elif lease.approval_level == "2" and not lease.approved_l2_by_id:
                if not user.has_group("mall_leasing.group_finance_manager"):
                    raise AccessError(_(
                        "This lease also needs a finance manager's approval (discount "
                        "%(discount)s %%, total rent %(total)s).",
                        discount=round(lease.discount_pct, 2), total=lease.total_rent))
                lease.write({"approved_l2_by_id": user.id, "approved_l2_date": now})
                lease._log_step(_("Approved by finance manager %(user)s.", user=user.name))
            else:
                raise UserError(_("You have already approved lease %(lease)s.",
                                  lease=lease.name))
            if lease.approval_level == "1" or lease.approved_l2_by_id:
                lease.write({"state": "approved",
                             "landlord_user_id": lease.landlord_user_id.id or user.id})
                lease._log_step(_("Lease approved."))
        done = self.sudo().filtered(lambda lease: lease.state == "approved")
        if done and not self.env.context.get("mall_lease_no_signature"):
            done._start_signature()
        return True

    def action_reject(self, reason):
        """Back to draft with the reason (from the rejection wizard); a pending signature
        request is cancelled."""
        self._check_state(("submitted", "approved", "signing"), _("rejected"))
        if not (reason or "").strip():
            raise UserError(_("Please give a reason for the rejection."))
        if not self.env.user.has_group("mall_leasing.group_leasing_manager") and not \
                self.env.user.has_group("mall_leasing.group_finance_manager"):
            raise AccessError(_("Only a manager can reject a lease."))
        requests = self.sign_request_id.filtered(lambda r: r.state in ("0_sent", "1_draft"))
        if requests:
            requests.sudo().cancel()
        self.sudo().write({
            "state": "draft", "reject_reason": reason, "approved_l1_by_id": False,
            "approved_l1_date": False, "approved_l2_by_id": False, "approved_l2_date": False,
            "sign_request_id": False, "tenant_signer_id": False, "landlord_signer_id": False,
        })
        self.sudo()._log_step(_("Rejected by %(user)s: %(reason)s", user=self.env.user.name,
                         reason=reason))
        return True

    def _start_signature(self):
        """Approved → signing: render the contract PDF and send it through sign_oca to the
        tenant's signatory (portal) and the landlord's signatory (backend)."""
        self._check_state(("approved",), _("sent for signature"))
        tenant_role = self.env.ref("mall_contract.sign_role_tenant")
        landlord_role = self.env.ref("mall_contract.sign_role_landlord")
        signature_field = self.env.ref("sign_oca.sign_field_signature")
        for lease in self:
            if not lease.tenant_contact_id:
                raise UserError(_("Lease %(lease)s has no tenant signatory.", lease=lease.name))
            pdf = lease._render_contract_pdf()
            last_page = len(PdfReader(BytesIO(pdf)).pages)

            def item(role, x, field=signature_field, page=last_page):
                return {"field_id": field.id, "name": field.name, "role_id": role.id,
                        "page": page, "position_x": x, "position_y": 82.0, "width": 28.0,
                        "height": 8.0, "placeholder": "", "required": True,
                        "field_type": "signature", "value": False, "default_value": False}

            landlord = lease.landlord_user_id or self.env.user
            request = self.env["sign.oca.request"].sudo().create({
                "name": _("Lease %(lease)s", lease=lease.name),
                "data": base64.b64encode(pdf),
                "filename": f"{lease.name}.pdf",
                "record_ref": f"mall.lease,{lease.id}",
                "user_id": landlord.id,
                "company_id": lease.company_id.id,
                "signatory_data": {"1": item(tenant_role, 8.0), "2": item(landlord_role, 60.0)},
                "signer_ids": [
                    (0, 0, {"partner_id": lease.tenant_contact_id.id,
                            "role_id": tenant_role.id}),
                    (0, 0, {"partner_id": landlord.partner_id.id,
                            "role_id": landlord_role.id}),
                ],
            })
            request.action_send()
            signers = request.signer_ids
            lease.write({
                "state": "signing", "sign_request_id": request.id,
                "landlord_user_id": landlord.id,
                "tenant_signer_id": signers.filtered(lambda s: s.role_id == tenant_role).id,
                "landlord_signer_id": signers.filtered(lambda s: s.role_id == landlord_role).id,
            })
            if lease.tenant_contact_id not in lease.message_partner_ids:
                lease.message_subscribe(partner_ids=lease.tenant_contact_id.ids)
            lease._log_step(_("Sent for electronic signature to %(tenant)s and %(landlord)s.",
                              tenant=lease.tenant_contact_id.name, landlord=landlord.name))
        return True

    def action_sign_landlord(self):
        """Open sign_oca's signing page for the landlord's signatory."""
        self.ensure_one()
        if self.state != "signing" or not self.landlord_signer_id:
            raise UserError(_("This lease is not waiting for a signature."))
        return self.landlord_signer_id.sign()

    def _on_signature_completed(self, request):
        """sign_oca has all signatures: archive the signed PDF (read-only, SHA-256) with the
        audit trail, then activate the lease."""
        self.ensure_one()
        if self.state != "signing" or request != self.sign_request_id:
            return
        pdf = base64.b64decode(request.data)
        digest = hashlib.sha256(pdf).hexdigest()
        attachment = self.env["ir.attachment"].sudo().create({
            "name": f"{self.name}-signed.pdf",
            "raw": pdf,
            "mimetype": "application/pdf",
            "res_model": self._name,
            "res_id": self.id,
            "mall_locked": True,
        })
        logs = self.env["sign.oca.request.log"].sudo().search(
            [("request_id", "=", request.id)], order="date, id")
        actions = dict(logs._fields["action"]._description_selection(self.env))
        rows = Markup("").join(
            Markup("<tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>") % (
                fields.Datetime.to_string(log.date), log.partner_id.name or "",
                actions.get(log.action, log.action), log.ip or "")
            for log in logs)
        # sign_oca logs the last signature only after this hook: the signers' own records
        # complete the trail.
        rows += Markup("").join(
            Markup("<tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>") % (
                fields.Datetime.to_string(signer.signed_on), signer.partner_id.name or "",
                actions.get("sign", "sign"), signer.signature_hash or "")
            for signer in request.signer_ids.sorted("signed_on"))
        audit = Markup(
            "<table class='table table-sm'><thead><tr><th>%s</th><th>%s</th><th>%s</th>"
            "<th>%s</th></tr></thead><tbody>%s</tbody></table><p>SHA-256: %s</p>") % (
            _("Date"), _("Who"), _("Action"), _("IP Address"), rows, digest)
        self.sudo().write({
            "signed_pdf_id": attachment.id, "signed_pdf_sha256": digest,
            "signed_date": fields.Datetime.now(), "signature_audit": audit,
        })
        self.sudo().message_post(
            body=Markup("%s<br/>%s") % (_("Signed by both parties; the signed contract is "
                                           "archived."), audit),
            attachment_ids=attachment.ids, subtype_xmlid="mail.mt_note")
        self.sudo()._activate()

    def _activate(self):
        """Signing → active (also the demo-only path): the lease is in force. Sets the units'
        status and calls ``_on_lease_activated``."""
        self._check_state(("signing",), _("activated"))
        self.write({"state": "active"})
        self._log_step(_("The lease is in force."))
        self._sync_unit_states()
        self._on_lease_activated()
        return True

    def _on_lease_activated(self):
        """Hook for other addons (billing: generate the receivable schedule). ``self`` are the
        leases that just came into force."""
        return True

    def _demo_create_active(self, vals_list):
        """Demo data only: create leases directly in force, without approval nor signature
        (sign_oca would render and sign a PDF per lease, far too slow for hundreds)."""
        leases = self.with_context(tracking_disable=True, mail_create_nolog=True).create(
            vals_list)
        leases.with_context(tracking_disable=True).write({"state": "active"})
        # Those already near their end are expiring, as the daily cron would have made them.
        today = fields.Date.context_today(self)
        leases._near_end(today).with_context(tracking_disable=True).write(
            {"state": "expiring"})
        leases._sync_unit_states()
        return leases

    def _near_end(self, on_date):
        """The active leases of ``self`` within the company's expiring lead time of their end
        on ``on_date`` (and not past it): they should show as expiring."""
        return self.filtered(
            lambda lease: lease.state == "active" and lease.date_end - timedelta(
                days=lease.company_id.mall_lease_expiring_days) <= on_date <= lease.date_end)

    def action_terminate(self, termination_date, reason, penalty=0.0, notes=False,
                         early_exit=True):
        """Early termination (from the wizard): the lease ends on ``termination_date``; its
        units are freed from that day (moving out until then)."""
        self._check_state(RUNNING_STATES, _("terminated"))
        if not self.env.user.has_group("mall_leasing.group_leasing_manager"):
            raise AccessError(_("Only a leasing manager can terminate a lease."))
        termination_date = fields.Date.to_date(termination_date)
        if not (reason or "").strip():
            raise UserError(_("Please give the reason for the termination."))
        if (penalty or 0) < 0:
            raise UserError(_("The termination penalty cannot be negative."))
        for lease in self:
            if not termination_date or not (
                    lease.date_start <= termination_date <= lease.date_end):
                raise UserError(_(
                    "The termination date must lie within the term of lease %(lease)s "
                    "(%(start)s – %(end)s).", lease=lease.name, start=lease.date_start,
                    end=lease.date_end))
        self.write({
            "state": "terminated", "termination_date": termination_date,
            "termination_reason": reason, "termination_penalty": penalty or 0.0,
            "termination_notes": notes or False, "early_exit": early_exit,
        })
        self._log_step(_("Terminated on %(date)s: %(reason)s", date=termination_date,
                         reason=reason))
        self._sync_unit_states()
        return True

    def action_renew(self, rent_change_pct=0.0, date_start=None, date_end=None):
        """A new draft lease continuing this one: same tenant, units and terms, rent
        adjusted by ``rent_change_pct`` %, from the day after the end. Returns it."""
        self.ensure_one()
        self._check_state(("active", "expiring", "expired"), _("renewed"))
        date_start = fields.Date.to_date(date_start) or self.date_end + timedelta(days=1)
        if date_start <= self.date_end:
            raise UserError(_("A renewal must start after the current lease ends (%(end)s).",
                              end=self.date_end))
        date_end = fields.Date.to_date(date_end) or (
            date_start + relativedelta(months=self.duration_months or 12) - timedelta(days=1))
        factor = 1 + (rent_change_pct or 0.0) / 100.0
        renewal = self.copy({
            "renewed_from_id": self.id, "date_start": date_start, "date_end": date_end,
            "date_handover": False, "date_opening": False, "body": self.body,
            "line_ids": [(0, 0, {"unit_id": ln.unit_id.id, "leasable_area": ln.leasable_area,
                                 "price": round(ln.price * factor, 2),
                                 "sequence": ln.sequence}) for ln in self.line_ids],
        })
        self._log_step(_("Renewal %(renewal)s prepared (rent %(pct)s %%).",
                         renewal=renewal.name, pct=rent_change_pct or 0))
        return renewal

    def action_renew_wizard(self):
        """Open the renewal wizard."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window", "name": _("Renew Lease"),
            "res_model": "mall.lease.renew.wizard", "view_mode": "form", "target": "new",
            "context": {"default_lease_id": self.id},
        }

    def action_terminate_wizard(self):
        """Open the termination wizard."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window", "name": _("Terminate Lease"),
            "res_model": "mall.lease.terminate.wizard", "view_mode": "form", "target": "new",
            "context": {"default_lease_id": self.id},
        }

    def action_reject_wizard(self):
        """Open the rejection wizard."""
        return {
            "type": "ir.actions.act_window", "name": _("Reject Lease"),
            "res_model": "mall.lease.reject.wizard", "view_mode": "form", "target": "new",
            "context": {"default_lease_ids": self.ids},
        }

    def action_open_sign_request(self):
        """Open the lease's signature request."""
        self.ensure_one()
        return {"type": "ir.actions.act_window", "res_model": "sign.oca.request",
                "res_id": self.sign_request_id.id, "view_mode": "form"}

    def action_print_contract(self):
        """Print the contract PDF."""
        return self.env.ref("mall_contract.action_report_lease").report_action(self)

    # ------------------------------------------------------------------ units and dates
    def _unit_state_on(self, on_date):
        """The status the lease gives its units on ``on_date``, or False when it gives none."""
        self.ensure_one()
        if self.state == "terminated":
            return "moving_out" if on_date <= self.termination_date else "vacant"
        if self.state == "expired" or (self.state in RUNNING_STATES and on_date > self.date_end):
            return "vacant"
        if self.state not in RUNNING_STATES:
            return False
        lead = self.company_id.mall_lease_expiring_days
        if on_date < (self.date_handover or self.date_start):
            return "signed"
        if self.date_opening and on_date < self.date_opening:
            return "fitting_out"
        if on_date >= self.date_end - timedelta(days=lead):
            return "expiring"
        return "open"

    def _sync_unit_states(self):
        """Move the units of these leases to the status their lease gives them today, grouped
        by status (one write per status). A unit another lease holds today is left to it."""
        today = fields.Date.context_today(self)
        targets = defaultdict(lambda: self.env["mall.unit"])
        reasons = {}
        releasing = self.filtered(lambda lease: lease._unit_state_on(today) == "vacant")
        held = self.env["mall.lease.line"]
        if releasing:
            held = self.env["mall.lease.line"].search([
                ("unit_id", "in", releasing.line_ids.unit_id.ids),
                ("lease_id", "not in", releasing.ids), ("state", "in", RUNNING_STATES)])
        for lease in self:
            state = lease._unit_state_on(today)
            if not state:
                continue
            units = lease.line_ids.unit_id
            if state == "vacant":
                units -= held.unit_id
            targets[state] |= units
            reasons[state] = _("Lease %(lease)s", lease=lease.name)
        for state, units in targets.items():
            units.sudo()._set_state(state, reason=reasons[state])
        self.filtered(lambda lease: lease._unit_state_on(today) == "vacant").write(
            {"units_released": True})

    @api.model
    def _cron_daily(self):
        """Daily: leases become expiring or expired by date, units follow their leases, and
        expiry reminders go out."""
        today = fields.Date.context_today(self)
        company_leases = self.search([("state", "in", RUNNING_STATES)])
        to_expiring = company_leases._near_end(today)
        if to_expiring:
            to_expiring.write({"state": "expiring"})
            to_expiring._log_step(_("The lease is approaching its end."))
        to_expire = company_leases.filtered(lambda lease: lease.date_end < today)
        if to_expire:
            to_expire.write({"state": "expired"})
            to_expire._log_step(_("The lease has expired."))
        ending = self.search([("state", "in", ("expired", "terminated")),
                              ("units_released", "=", False)])
        # Ended leases first, so that a renewal in force on the same units has the last word.
        (ending | self.search([("state", "in", RUNNING_STATES)]))._sync_unit_states()
        self._send_expiry_reminders()

    # ------------------------------------------------------------------ reminders
    @api.model
    def _send_expiry_reminders(self):
        """Remind the leasing manager, finance and the tenant of each lease reaching a lead
        time (company setting, e.g. 90/60/30 days before the end), once per lead time."""
        today = fields.Date.context_today(self)
        leases = self.search([("state", "in", RUNNING_STATES)])
        sent = {(r.lease_id.id, r.lead_days) for r in self.env["mall.lease.reminder"].search(
            [("lease_id", "in", leases.ids)])}
        activity_type = self.env.ref("mail.mail_activity_data_todo")
        finance_users = self.env.ref("mall_leasing.group_finance_manager").user_ids.filtered(
            lambda u: not u.share)
        reminders, activities = [], []
        for lease in leases:
            leads = lease.company_id._mall_lease_reminder_leads()
            due = [lead for lead in leads if lease.date_end - timedelta(days=lead) <= today
                   and (lease.id, lead) not in sent]
            if not due:
                continue
            # Several lead times passed at once (e.g. a lease created late): one message, all
            # of them marked as sent.
            days = (lease.date_end - today).days
            message = _("Lease %(lease)s of %(tenant)s ends on %(end)s, in %(days)s days.",
                        lease=lease.name, tenant=lease.tenant_id.name, end=lease.date_end,
                        days=days)
            partners = lease.tenant_contact_id | lease.user_id.partner_id | \
                finance_users.partner_id
            lease.message_post(
                body=message, subject=_("Lease expiry reminder"),
                partner_ids=partners.ids, subtype_xmlid="mail.mt_comment",
                message_type="comment")
            for user in (lease.user_id | finance_users[:1]):
                activities.append({
                    "res_model_id": self.env["ir.model"]._get_id("mall.lease"),
                    "res_id": lease.id, "activity_type_id": activity_type.id,
                    "user_id": user.id, "summary": _("Lease expiry: prepare renewal or exit"),
                    "note": message, "date_deadline": today,
                })
            reminders.extend({"lease_id": lease.id, "lead_days": d, "date_sent": today,
                              "days_left": days} for d in due)
        if activities:
            self.env["mail.activity"].sudo().create(activities)
        if reminders:
            self.env["mall.lease.reminder"].sudo().create(reminders)
        return len(reminders)

    def _get_report_base_filename(self):
        self.ensure_one()
        return self.name

    @api.model
    def _running_states(self):
        return RUNNING_STATES

    @api.model
    def _blocking_states(self):
        return BLOCKING_STATES
