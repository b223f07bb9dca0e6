"""The lease (租赁合同): its fields, states, dates and units, and the rules on them. The other
concerns of a lease extend the model in their own files: approval (mall_lease_workflow), rent
(mall_lease_rent, mall_lease_turnover), the contract text (mall_lease_text), the electronic
signature (mall_lease_signature), renewal and termination (mall_lease_renewal,
mall_lease_termination), expiry (mall_lease_expiry), the overlap of leases on a unit
(mall_lease_overlap) and the status a lease gives its units (mall_lease_unit_state)."""

from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.addons.mall_leasing.lib.cycles import CYCLES
from odoo.exceptions import UserError, ValidationError

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
# A lease's payment cycle: the suite's one list of cycles.
PAYMENT_CYCLES = CYCLES
# The terms a signed lease keeps; after the draft they change only through an amendment.
TERM_FIELDS = {
    "tenant_id",
    "mall_id",
    "date_start",
    "date_end",
    "date_handover",
    "date_opening",
    "rent_mode",
    "turnover_rate",
    "escalation_rate",
    "escalation_months",
    "deposit_lease",
    "deposit_renovation",
    "deposit_quality",
    "payment_cycle",
    "due_day",
    "payment_timing",
    "late_fee_rate",
    "late_fee_grace_days",
    "late_fee_cap",
    "special_clauses",
    "body",
    "line_ids",
    "fee_ids",
    "rent_free_ids",
    "band_ids",
    "lease_type",
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
        string="Lease Number", required=True, copy=False, readonly=True, default="/", index=True
    )
    company_id = fields.Many2one(related="mall_id.company_id", store=True, index=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    mall_id = fields.Many2one(
        "mall.mall",
        required=True,
        index=True,
        tracking=True,
        ondelete="restrict",
        default=lambda self: self.env["mall.mall"].search([], limit=1),
    )
    tenant_id = fields.Many2one(
        "res.partner",
        required=True,
        index=True,
        tracking=True,
        ondelete="restrict",
        domain="[('is_company', '=', True)]",
    )
    tenant_contact_id = fields.Many2one(
        "res.partner",
        string="Tenant Signatory",
        tracking=True,
        domain="[('parent_id', '=', tenant_id), ('is_company', '=', False)]",
        compute="_compute_tenant_contact",
        store=True,
        readonly=False,
        help="The tenant's person who signs the lease electronically in the portal.",
    )
    user_id = fields.Many2one(
        "res.users", string="Responsible", default=lambda self: self.env.user, tracking=True
    )
    landlord_user_id = fields.Many2one(
        "res.users",
        string="Landlord Signatory",
        tracking=True,
        help="Signs for the mall; by default the manager who gives the final approval.",
    )
    lease_type = fields.Selection(LEASE_TYPES, required=True, default="standard", tracking=True)
    template_id = fields.Many2one("mall.lease.template", domain="[('lease_type', '=', lease_type)]")
    state = fields.Selection(
        LEASE_STATES,
        string="Status",
        required=True,
        default="draft",
        tracking=True,
        index=True,
        copy=False,
    )

    # Term
    date_start = fields.Date(string="Start Date", required=True, tracking=True)
    date_end = fields.Date(string="End Date", required=True, tracking=True)
    date_handover = fields.Date(
        string="Handover Date", tracking=True, help="交付日: the tenant receives the keys."
    )
    date_opening = fields.Date(
        string="Opening Date", tracking=True, help="开业日: the shop opens to the public."
    )
    duration_months = fields.Integer(compute="_compute_duration_months")

    # Units and rent
    line_ids = fields.One2many("mall.lease.line", "lease_id", string="Units", copy=True)
    unit_ids = fields.Many2many("mall.unit", compute="_compute_unit_ids", string="Leased Units")
    total_area = fields.Float(
        string="Leasable Area (m²)", digits="Mall Area", compute="_compute_amounts", store=True
    )
    monthly_rent = fields.Monetary(
        string="Base Monthly Rent", compute="_compute_amounts", store=True
    )
    rent_mode = fields.Selection(RENT_MODES, required=True, default="fixed", tracking=True)
    turnover_rate = fields.Float(
        string="Turnover Rate (%)",
        digits=(5, 2),
        help="Share of the tenant's sales due as rent (扣点), for the turnover modes.",
    )
    band_ids = fields.One2many(
        "mall.lease.turnover.band", "lease_id", string="Turnover Rate Bands", copy=True
    )
    escalation_rate = fields.Float(
        string="Escalation (%)",
        digits=(5, 2),
        help="递增: rent increase every escalation period, e.g. 5 for +5 % per year.",
    )
    escalation_months = fields.Integer(string="Escalation Every (Months)", default=12)
    rent_free_ids = fields.One2many("mall.lease.rent.free", "lease_id", string="Rent-free Periods")
    fee_ids = fields.One2many("mall.lease.fee", "lease_id", string="Fees", copy=True)
    # the mall's rent standard and the discount granted against it are internal
    standard_monthly_rent = fields.Monetary(
        compute="_compute_discount", groups="mall_leasing.group_mall_staff"
    )
    discount_pct = fields.Float(
        string="Discount vs Rent Standard (%)",
        compute="_compute_discount",
        digits=(5, 2),
        groups="mall_leasing.group_mall_staff",
    )

    # Deposits and payment
    deposit_lease = fields.Monetary(string="Lease Deposit")
    deposit_renovation = fields.Monetary(string="Renovation Deposit")
    deposit_quality = fields.Monetary(string="Quality Deposit")
    payment_cycle = fields.Selection(PAYMENT_CYCLES, required=True, default="monthly")
    due_day = fields.Integer(
        string="Payment Due Day", default=5, help="Day of the month on which each payment is due."
    )
    payment_timing = fields.Selection(
        [("advance", "In Advance"), ("arrears", "In Arrears")], required=True, default="advance"
    )
    late_fee_rate = fields.Float(
        string="Late Fee (% per Day)",
        digits=(6, 3),
        default=0.05,
        help="Daily rate on the overdue amount; 0.05 % per day (万分之五) is common.",
    )
    late_fee_grace_days = fields.Integer(string="Grace Days", default=0)
    late_fee_cap = fields.Float(
        string="Late Fee Cap (%)",
        digits=(5, 2),
        default=30.0,
        help="Late fees never exceed this share of the overdue amount.",
    )
    special_clauses = fields.Html()

    # Amendments, and the end of a terminated lease (its units follow it)
    amendment_ids = fields.One2many("mall.lease.amendment", "lease_id", string="Amendments")
    version = fields.Integer(default=1, readonly=True, copy=False)
    termination_date = fields.Date(readonly=True, copy=False, tracking=True)
    units_released = fields.Boolean(readonly=True, copy=False)

    _name_company_unique = models.Constraint(
        "UNIQUE(name, company_id)", "A lease number must be unique."
    )
    _dates_ordered = models.Constraint(
        "CHECK (date_end >= date_start)", "A lease must end on or after its start date."
    )
    _deposits_positive = models.Constraint(
        "CHECK (deposit_lease >= 0 AND deposit_renovation >= 0 AND deposit_quality >= 0)",
        "Deposits cannot be negative.",
    )

    # ------------------------------------------------------------------ computes
    @api.depends("tenant_id")
    def _compute_tenant_contact(self):
        for lease in self:
            if lease.tenant_contact_id.parent_id != lease.tenant_id:
                users = lease.tenant_id.child_ids.user_ids
                lease.tenant_contact_id = (
                    users.partner_id[:1] or lease.tenant_id.child_ids[:1] or lease.tenant_id
                )

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

    @api.depends("line_ids.standard_price", "line_ids.leasable_area", "monthly_rent")
    def _compute_discount(self):
        for lease in self:
            standard = sum(ln.standard_price * ln.leasable_area for ln in lease.line_ids)
            lease.standard_monthly_rent = standard
            lease.discount_pct = (1 - lease.monthly_rent / standard) * 100 if standard else 0.0

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
                raise ValidationError(
                    _(
                        "Lease %(lease)s: the end date %(end)s is before the start date %(start)s.",
                        lease=lease.name,
                        end=lease.date_end,
                        start=lease.date_start,
                    )
                )
            if lease.date_handover and lease.date_handover > lease.date_end:
                raise ValidationError(
                    _(
                        "Lease %(lease)s: the handover date must be before the end of the term.",
                        lease=lease.name,
                    )
                )
            if lease.date_opening and not (
                (lease.date_handover or lease.date_start) <= lease.date_opening <= lease.date_end
            ):
                raise ValidationError(
                    _(
                        "Lease %(lease)s: the opening date must lie between the handover date (or "
                        "the start) and the end of the term.",
                        lease=lease.name,
                    )
                )

    @api.constrains(
        "due_day",
        "late_fee_rate",
        "late_fee_grace_days",
        "late_fee_cap",
        "turnover_rate",
        "escalation_rate",
        "escalation_months",
    )
    def _check_payment_terms(self):
        for lease in self:
            if not 1 <= lease.due_day <= 28:
                raise ValidationError(_("The payment due day must be between 1 and 28."))
            if (
                min(
                    lease.late_fee_rate,
                    lease.late_fee_grace_days,
                    lease.late_fee_cap,
                    lease.turnover_rate,
                    lease.escalation_rate,
                )
                < 0
            ):
                raise ValidationError(
                    _("Rates, grace days and caps of a lease cannot be negative.")
                )
            if lease.turnover_rate > 100 or lease.late_fee_cap > 100:
                raise ValidationError(_("A percentage cannot exceed 100."))
            if lease.escalation_months < 1:
                raise ValidationError(_("The escalation period must be at least one month."))

    @api.constrains("tenant_id")
    def _check_tenant_company(self):
        for lease in self:
            if not lease.tenant_id.is_company:
                raise ValidationError(
                    _(
                        "The tenant of a lease must be a company, not %(name)s.",
                        name=lease.tenant_id.name,
                    )
                )

    def _check_terms_editable(self):
        """Terms are frozen from submission on; amendments change them in a traced way."""
        if self.env.context.get("mall_lease_amend"):
            return
        locked = self.filtered(lambda lease: lease.state != "draft")
        if locked:
            raise UserError(
                _(
                    "Lease %(lease)s is no longer a draft: its terms can only change through an "
                    "amendment.",
                    lease=locked[0].name,
                )
            )

    # ------------------------------------------------------------------ ORM
    @api.model
    def _check_date_vals(self, vals):
        """Refuse an end before the start with a clear message before the database's CHECK
        answers with its own."""
        start, end = vals.get("date_start"), vals.get("date_end")
        if start and end and fields.Date.to_date(end) < fields.Date.to_date(start):
            raise ValidationError(
                _(
                    "The end date %(end)s of a lease cannot be before its start date %(start)s.",
                    end=end,
                    start=start,
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._check_date_vals(vals)
            if vals.get("name", "/") == "/":
                vals["name"] = self.env["ir.sequence"].next_by_code("mall.lease") or "/"
        return super().create(vals_list)

    def write(self, vals):
        if TERM_FIELDS & set(vals):
            self._check_terms_editable()
        for lease in self:
            lease._check_date_vals(
                {
                    "date_start": lease.date_start,
                    "date_end": lease.date_end,
                    **{k: v for k, v in vals.items() if k in ("date_start", "date_end")},
                }
            )
        if {"state", "date_start", "date_end", "termination_date"} & set(vals):
            # Checked before writing: the lines' copies of dates and state are recomputed on
            # flush, where the database's exclusion constraint would answer first, unreadably.
            self._check_overlap_before_write(vals)
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_drafts(self):
        if any(lease.state != "draft" for lease in self):
            raise UserError(_("Only draft leases can be deleted."))

    # ------------------------------------------------------------------ steps
    def _log_step(self, message):
        for lease in self:
            lease.message_post(body=message, subtype_xmlid="mail.mt_note")

    def _check_state(self, allowed, action):
        wrong = self.filtered(lambda lease: lease.state not in allowed)
        if wrong:
            labels = dict(self._fields["state"]._description_selection(self.env))
            raise UserError(
                _(
                    "Lease %(lease)s cannot be %(action)s while it is %(state)s.",
                    lease=wrong[0].name,
                    action=action,
                    state=labels[wrong[0].state],
                )
            )

    def _demo_create_active(self, vals_list):
        """Demo data only: create leases directly in force, without approval nor signature
        (sign_oca would render and sign a PDF per lease, far too slow for hundreds)."""
        leases = self.with_context(tracking_disable=True, mail_create_nolog=True).create(vals_list)
        leases.with_context(tracking_disable=True).write({"state": "active"})
        # Those already near their end are expiring, as the daily cron would have made them.
        today = fields.Date.context_today(self)
        leases._near_end(today).with_context(tracking_disable=True).write({"state": "expiring"})
        leases._sync_unit_states()
        return leases

    def _near_end(self, on_date):
        """The active leases of ``self`` within the company's expiring lead time of their end
        on ``on_date`` (and not past it): they should show as expiring."""
        return self.filtered(
            lambda lease: (
                lease.state == "active"
                and lease.date_end - timedelta(days=lease.company_id.mall_lease_expiring_days)
                <= on_date
                <= lease.date_end
            )
        )

    def _get_report_base_filename(self):
        self.ensure_one()
        return self.name

    @api.model
    def _running_states(self):
        return RUNNING_STATES

    @api.model
    def _blocking_states(self):
        return BLOCKING_STATES
