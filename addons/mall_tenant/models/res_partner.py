from datetime import timedelta

from stdnum.cn import uscc
from stdnum.exceptions import InvalidFormat
from stdnum.exceptions import ValidationError as StdnumValidationError

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

# Leasing wants a month to chase a renewed licence before the old one lapses.
LICENCE_REMINDER_DAYS = 30
STAFF = "mall_leasing.group_mall_staff"


class ResPartner(models.Model):
    _inherit = "res.partner"

    mall_uscc = fields.Char(
        string="Unified Social Credit Code",
        size=18,
        index=True,
        copy=False,
        help="统一社会信用代码: 18 characters, the last one a check digit (GB 32100-2015).",
    )
    mall_tenant_stage = fields.Selection(
        [("prospect", "Prospect"), ("active", "Active Tenant"), ("former", "Former Tenant")],
        string="Tenant Stage",
        index=True,
        tracking=True,
        help="Set on companies that rent, or may rent, from the mall.",
    )
    mall_tenant_since = fields.Date(
        string="Tenant Since",
        copy=False,
        help="First day as a tenant of the mall; set when the tenant becomes active.",
    )
    mall_category_id = fields.Many2one("mall.category", string="Business Category", index=True)
    mall_legal_representative = fields.Char(string="Legal Representative", tracking=True)
    mall_registered_address = fields.Char(
        string="Registered Address", help="The address printed on the business licence."
    )
    mall_licence_file = fields.Binary(string="Business Licence", attachment=True, copy=False)
    mall_licence_filename = fields.Char(string="Business Licence File Name", copy=False)
    mall_has_licence = fields.Boolean(
        string="Has Licence Scan", compute="_compute_mall_has_licence", store=True
    )
    mall_licence_expiry = fields.Date(
        string="Licence Valid Until",
        copy=False,
        tracking=True,
        help="Leave empty when the licence is valid indefinitely (长期).",
    )
    mall_licence_reminded_expiry = fields.Date(
        string="Licence Reminder Sent For",
        copy=False,
        readonly=True,
        help="The expiry date the leasing team was last reminded of; a new expiry date gets a "
        "new reminder, the same one never twice.",
    )
    mall_licence_state = fields.Selection(
        [
            ("missing", "Missing"),
            ("valid", "Valid"),
            ("expiring", "Expiring Soon"),
            ("expired", "Expired"),
        ],
        string="Licence Status",
        compute="_compute_mall_licence_state",
        search="_search_mall_licence_state",
    )
    mall_brand_tenancy_ids = fields.One2many(
        "mall.brand.tenancy", "partner_id", string="Brand History"
    )
    mall_brand_ids = fields.Many2many(
        "mall.brand",
        string="Brands",
        compute="_compute_mall_brand_ids",
        search="_search_mall_brand_ids",
        help="The brands the tenant operates today.",
    )
    mall_licence_request_ids = fields.One2many(
        "mall.licence.request", "partner_id", string="Licence Requests", groups=STAFF
    )
    mall_credit_score_ids = fields.One2many(
        "mall.credit.score", "partner_id", string="Credit Scores", groups=STAFF
    )
    mall_credit_score_id = fields.Many2one(
        "mall.credit.score",
        string="Latest Credit Score",
        compute="_compute_mall_credit_score_id",
        store=True,
        index="btree_not_null",
        groups=STAFF,
    )
    mall_credit_score = fields.Float(
        string="Credit Score", related="mall_credit_score_id.score", store=True, groups=STAFF
    )
    mall_credit_grade_id = fields.Many2one(
        "mall.credit.grade",
        string="Credit Grade",
        related="mall_credit_score_id.grade_id",
        store=True,
        index=True,
        groups=STAFF,
    )
    mall_document_count = fields.Integer(
        string="Documents", compute="_compute_mall_document_count", groups=STAFF
    )

    # NULLS NOT DISTINCT: most partners are shared between companies (company_id empty), and
    # without it PostgreSQL would let two shared partners hold the same code.
    _mall_uscc_company_unique = models.UniqueIndex(
        "(mall_uscc, company_id) NULLS NOT DISTINCT WHERE mall_uscc IS NOT NULL",
        "Another tenant already has this Unified Social Credit Code.",
    )

    @api.constrains("mall_uscc")
    def _check_mall_uscc(self):
        for partner in self.filtered("mall_uscc"):
            try:
                if partner.mall_uscc != partner.mall_uscc.upper():
                    # stdnum would accept it upper-cased; the register only knows capitals
                    raise InvalidFormat()
                uscc.validate(partner.mall_uscc)
            except StdnumValidationError as exc:
                raise ValidationError(
                    _(
                        "%(code)s is not a valid Unified Social Credit Code: %(reason)s",
                        code=partner.mall_uscc,
                        reason=self._mall_uscc_reason(exc),
                    )
                ) from exc

    def _mall_uscc_reason(self, exc):
        """Why python-stdnum refused a code, in the user's words."""
        return {
            "InvalidLength": _("it must have 18 characters."),
            "InvalidChecksum": _("the check digit does not match."),
            "InvalidFormat": _("it may only hold digits and capital letters (no I, O, S, V or Z)."),
            "InvalidComponent": _("the registration authority or region code is unknown."),
        }.get(type(exc).__name__, str(exc))

    def _mall_check_uscc_free(self, keys):
        """Refuse codes another partner already holds in the same company, naming that
        partner. ``keys`` are (code, company id) pairs about to be written on ``self``. Runs
        before the write: the unique index stays as the last guard, but could only say that
        some partner holds the code."""
        keys = [(code, company) for code, company in keys if code]
        if not keys:
            return
        holders = (
            self.sudo()
            .with_context(active_test=False)
            .search_fetch(
                [
                    ("mall_uscc", "in", [code for code, _company in keys]),
                    ("id", "not in", self.ids),
                ],
                ["mall_uscc", "company_id", "display_name"],
            )
        )
        taken = {(h.mall_uscc, h.company_id.id or False): h.display_name for h in holders}
        for code, company in keys:
            if (code, company or False) in taken:
                raise ValidationError(
                    _(
                        "The Unified Social Credit Code %(code)s is already registered for "
                        "%(tenant)s: a company can be recorded only once.",
                        code=code,
                        tenant=taken[(code, company or False)],
                    )
                )
            taken[(code, company or False)] = _("another company in the same batch")

    @api.depends("mall_licence_file")
    def _compute_mall_has_licence(self):
        # bin_size: knowing that a scan exists must not load the scan
        for partner in self.with_context(bin_size=True):
            partner.mall_has_licence = bool(partner.mall_licence_file)

    @api.depends("mall_has_licence", "mall_licence_expiry")
    def _compute_mall_licence_state(self):
        today = fields.Date.context_today(self)
        for partner in self:
            partner.mall_licence_state = partner._mall_licence_state_at(today)

    def _mall_licence_state_at(self, day):
        self.ensure_one()
        if not self.mall_has_licence:
            return "missing"
        if not self.mall_licence_expiry:
            return "valid"
        if self.mall_licence_expiry < day:
            return "expired"
        if self.mall_licence_expiry <= day + timedelta(days=LICENCE_REMINDER_DAYS):
            return "expiring"
        return "valid"

    def _search_mall_licence_state(self, operator, value):
        if operator not in ("in", "not in"):
            return NotImplemented
        today = fields.Date.context_today(self)
        soon = today + timedelta(days=LICENCE_REMINDER_DAYS)
        has_file = [("mall_has_licence", "=", True)]
        domains = {
            "missing": [("mall_has_licence", "=", False)],
            "valid": has_file
            + ["|", ("mall_licence_expiry", "=", False), ("mall_licence_expiry", ">", soon)],
            "expiring": has_file
            + [("mall_licence_expiry", ">=", today), ("mall_licence_expiry", "<=", soon)],
            "expired": has_file + [("mall_licence_expiry", "<", today)],
        }
        domain = fields.Domain.OR(domains[state] for state in value if state in domains)
        return ~domain if operator == "not in" else domain

    @api.depends("mall_brand_tenancy_ids.date_start", "mall_brand_tenancy_ids.date_end")
    def _compute_mall_brand_ids(self):
        for partner in self:
            partner.mall_brand_ids = partner.mall_brand_tenancy_ids.filtered("is_current").brand_id

    def _search_mall_brand_ids(self, operator, value):
        return [
            (
                "mall_brand_tenancy_ids",
                "any",
                [("brand_id", operator, value), ("is_current", "=", True)],
            )
        ]

    @api.depends("mall_credit_score_ids")
    def _compute_mall_credit_score_id(self):
        # scores are only ever added, so the latest is the one with the highest id
        latest = dict(
            self.env["mall.credit.score"]._read_group(
                [("partner_id", "in", self.ids)], ["partner_id"], ["id:max"]
            )
        )
        for partner in self:
            partner.mall_credit_score_id = latest.get(partner._origin, False)

    def _compute_mall_document_count(self):
        counts = dict(
            self.env["ir.attachment"]._read_group(
                [("res_model", "=", "res.partner"), ("res_id", "in", self.ids)],
                ["res_id"],
                ["__count"],
            )
        )
        for partner in self:
            partner.mall_document_count = counts.get(partner.id, 0)

    @api.model_create_multi
    def create(self, vals_list):
        self._mall_check_uscc_free(
            [(vals.get("mall_uscc"), vals.get("company_id")) for vals in vals_list]
        )
        today = fields.Date.context_today(self)
        for vals in vals_list:
            if vals.get("mall_tenant_stage") == "active" and not vals.get("mall_tenant_since"):
                vals["mall_tenant_since"] = today
        return super().create(vals_list)

    def write(self, vals):
        if vals.get("mall_uscc") or (vals.get("company_id") and any(self.mapped("mall_uscc"))):
            self._mall_check_uscc_free(
                [
                    (
                        vals.get("mall_uscc", partner.mall_uscc),
                        vals.get("company_id", partner.company_id.id),
                    )
                    for partner in self
                ]
            )
        if vals.get("mall_tenant_stage") == "active" and "mall_tenant_since" not in vals:
            newcomers = self.filtered(lambda p: not p.mall_tenant_since)
            if newcomers:
                super(ResPartner, newcomers).write(
                    {"mall_tenant_since": fields.Date.context_today(self)}
                )
        return super().write(vals)

    # ------------------------------------------------------------------ actions

    def action_mall_compute_credit(self):
        """Score the selected tenants now (button); each gets a new, explained score."""
        self.env["mall.credit.score"]._score_partners(self.commercial_partner_id)
        return True

    def action_mall_view_credit_scores(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "mall_tenant.action_mall_credit_score"
        )
        action["domain"] = [("partner_id", "=", self.id)]
        action["context"] = {"default_partner_id": self.id}
        return action

    def action_mall_view_documents(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("base.action_attachment")
        action["domain"] = [("res_model", "=", "res.partner"), ("res_id", "=", self.id)]
        action["context"] = {"default_res_model": "res.partner", "default_res_id": self.id}
        return action

    # ------------------------------------------------------------------ credit policy

    def _mall_credit_policy(self):
        """What the tenant's credit grade allows, for other addons to apply.

        Returns a dict: ``grade`` (code or False), ``score`` (0-100 or False),
        ``renewal_priority`` ('high', 'normal' or 'low'), ``discount_ceiling`` (percent),
        ``deposit_multiplier`` (float) and ``closer_supervision`` (bool). A contact answers
        for its company; a tenant never scored gets the neutral policy."""
        self.ensure_one()
        score = self.sudo().commercial_partner_id.mall_credit_score_id
        return self.env["mall.credit.grade"].sudo()._mall_policy_values(score)

    # ------------------------------------------------------------------ schedules

    @api.model
    def _cron_mall_licence_reminders(self):
        """Remind the leasing team of each licence expiring within 30 days, once per expiry
        date: the reminded date is kept, so the nightly run does not repeat itself. Returns
        the tenants reminded."""
        soon = fields.Date.context_today(self) + timedelta(days=LICENCE_REMINDER_DAYS)
        partners = self.search(
            [
                ("mall_tenant_stage", "in", ("prospect", "active")),
                ("mall_licence_expiry", "!=", False),
                ("mall_licence_expiry", "<=", soon),
            ]
        ).filtered(lambda p: p.mall_licence_reminded_expiry != p.mall_licence_expiry)
        if not partners:
            return partners
        activity_type = self.env.ref("mall_tenant.mail_activity_type_licence_expiry")
        model_id = self.env["ir.model"]._get_id("res.partner")
        responsible = partners._mall_leasing_responsibles()
        self.env["mail.activity"].create(
            [
                {
                    "res_model_id": model_id,
                    "res_id": partner.id,
                    "activity_type_id": activity_type.id,
                    "automated": True,
                    "date_deadline": partner.mall_licence_expiry,
                    "summary": _(
                        "Business licence expires on %(date)s", date=partner.mall_licence_expiry
                    ),
                    "user_id": responsible[partner.id].id,
                }
                for partner in partners
            ]
        )
        for expiry, group in partners.grouped("mall_licence_expiry").items():
            group.write({"mall_licence_reminded_expiry": expiry})
        return partners

    def _mall_leasing_responsibles(self):
        """Who in leasing follows each tenant, {partner id: user}: its salesperson when they
        work in leasing, otherwise the longest-standing leasing user."""
        leasing = self.env.ref("mall_leasing.group_leasing_user")
        fallback = (
            self.env["res.users"].search(
                [("all_group_ids", "in", leasing.ids), ("share", "=", False)], order="id", limit=1
            )
            or self.env.user
        )
        result = {}
        for partner in self:
            user = partner.commercial_partner_id.user_id
            result[partner.id] = user if user and leasing in user.all_group_ids else fallback
        return result
