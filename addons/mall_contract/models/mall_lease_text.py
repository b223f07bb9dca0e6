"""The contract text of a lease and its PDF.

The text is QWeb: a template (mall.lease.template) or the lease's own copy holds placeholders
such as ``<t t-out="object.tenant_id.name"/>``, rendered by Odoo's own engine
(``mail.render.mixin._render_template``, engine "qweb") on the lease as ``object``, in the
tenant's language, every value escaped. The placeholders a contract needs are whitelisted
(``mail_allowed_qweb_expressions``): anyone who may edit a lease or a template may use them,
and the engine renders them without evaluating code. Anything beyond them is QWeb code, which
only a mail template editor may save, as for Odoo's own mail templates. The ``contract_*``
fields are the terms as the contract writes them (amounts to the fen, labels in the tenant's
language)."""

from markupsafe import Markup

from odoo import _, api, fields, models
from odoo.addons.mall_leasing.lib.money import round_fen
from odoo.exceptions import AccessError

# The placeholders of a contract text: usable by every user who may edit one.
CONTRACT_EXPRESSIONS = (
    "object.name",
    "object.tenant_id.name",
    "object.tenant_id.mall_uscc",
    "object.tenant_contact_id.name",
    "object.company_id.name",
    "object.mall_id.name",
    "object.contract_units",
    "object.contract_area",
    "object.contract_monthly_rent",
    "object.contract_total_rent",
    "object.date_start",
    "object.date_end",
    "object.date_handover",
    "object.date_opening",
    "object.contract_rent_mode",
    "object.contract_turnover_rate",
    "object.contract_escalation_rate",
    "object.contract_payment_cycle",
    "object.contract_payment_timing",
    "object.due_day",
    "object.contract_deposit_lease",
    "object.contract_deposit_renovation",
    "object.contract_deposit_quality",
    "object.contract_late_fee_rate",
    "object.contract_late_fee_cap",
)
# contract_<name>: the lease's <name> as an amount in CNY, to the fen, with thousands separators.
MONEY_TERMS = (
    "monthly_rent",
    "total_rent",
    "deposit_lease",
    "deposit_renovation",
    "deposit_quality",
)
# contract_<name>: a percentage as written in a contract (5, 0.05, 30).
RATE_TERMS = ("turnover_rate", "escalation_rate", "late_fee_rate", "late_fee_cap")
# contract_<name>: the label of a selection, in the tenant's language.
LABEL_TERMS = ("rent_mode", "payment_cycle", "payment_timing")


def format_money(value):
    """An amount as a contract writes it: half up to the fen, thousands separated."""
    return f"{round_fen(value):,.2f}"


class MallLease(models.Model):
    _inherit = "mall.lease"

    # Same sanitizing as Odoo's mail templates: QWeb tags and attributes stay, scripts do not.
    body = fields.Html(
        string="Contract Text",
        sanitize_tags=False,
        sanitize_attributes=False,
        sanitize_style=True,
        sanitize_output_method="xml",
        help="The contract text, with placeholders such as "
        '<t t-out="object.tenant_id.name"/> filled in when the contract is printed.',
    )
    # The model the placeholders of the contract text read (for the editor's field picker).
    render_model = fields.Char(compute="_compute_render_model")
    # The terms as the contract text writes them (read-only, never stored).
    contract_units = fields.Char(
        string="Units and Prices (Text)", compute="_compute_contract_terms"
    )
    contract_area = fields.Char(string="Leasable Area (Text)", compute="_compute_contract_terms")
    contract_monthly_rent = fields.Char(
        string="Base Monthly Rent (Text)", compute="_compute_contract_terms"
    )
    contract_total_rent = fields.Char(string="Total Rent (Text)", compute="_compute_contract_terms")
    contract_deposit_lease = fields.Char(
        string="Lease Deposit (Text)", compute="_compute_contract_terms"
    )
    contract_deposit_renovation = fields.Char(
        string="Renovation Deposit (Text)", compute="_compute_contract_terms"
    )
    contract_deposit_quality = fields.Char(
        string="Quality Deposit (Text)", compute="_compute_contract_terms"
    )
    contract_turnover_rate = fields.Char(
        string="Turnover Rate (Text)", compute="_compute_contract_terms"
    )
    contract_escalation_rate = fields.Char(
        string="Escalation (Text)", compute="_compute_contract_terms"
    )
    contract_late_fee_rate = fields.Char(
        string="Late Fee Rate (Text)", compute="_compute_contract_terms"
    )
    contract_late_fee_cap = fields.Char(
        string="Late Fee Cap (Text)", compute="_compute_contract_terms"
    )
    contract_rent_mode = fields.Char(string="Rent Mode (Text)", compute="_compute_contract_terms")
    contract_payment_cycle = fields.Char(
        string="Payment Cycle (Text)", compute="_compute_contract_terms"
    )
    contract_payment_timing = fields.Char(
        string="Payment Timing (Text)", compute="_compute_contract_terms"
    )

    def _compute_render_model(self):
        self.render_model = self._name

    @api.depends_context("lang")
    @api.depends(
        "line_ids.unit_id",
        "line_ids.leasable_area",
        "line_ids.price",
        "total_area",
        *MONEY_TERMS,
        *RATE_TERMS,
        *LABEL_TERMS,
    )
    def _compute_contract_terms(self):
        labels = {
            name: dict(self._fields[name]._description_selection(self.env)) for name in LABEL_TERMS
        }
        month = _("month")
        for lease in self:
            lease.contract_units = "、".join(
                f"{ln.unit_id.display_name} ({ln.leasable_area:,.2f} m², "
                f"{format_money(ln.price)}/m²/{month})"
                for ln in lease.line_ids
            )
            lease.contract_area = f"{lease.total_area:,.2f}"
            for name in MONEY_TERMS:
                lease[f"contract_{name}"] = format_money(lease[name])
            for name in RATE_TERMS:
                lease[f"contract_{name}"] = f"{lease[name]:g}"
            for name in LABEL_TERMS:
                lease[f"contract_{name}"] = labels[name].get(lease[name], "")

    @api.model
    def mail_allowed_qweb_expressions(self):
        return super().mail_allowed_qweb_expressions() + CONTRACT_EXPRESSIONS

    # ------------------------------------------------------------------ ORM
    @api.model_create_multi
    def create(self, vals_list):
        templates = self.env["mall.lease.template"]
        for vals in vals_list:
            template = templates.browse(vals.get("template_id"))
            if template and not vals.get("body"):
                vals["body"] = template.body
            self._check_body_expressions(vals.get("body"), template)
        return super().create(vals_list)

    def write(self, vals):
        if vals.get("body"):
            templates = self.env["mall.lease.template"]
            for lease in self:
                template = (
                    templates.browse(vals["template_id"])
                    if "template_id" in vals
                    else lease.template_id
                )
                lease._check_body_expressions(vals["body"], template)
        return super().write(vals)

    def _check_body_expressions(self, body, template):
        """A contract text is rendered unrestricted (it must print for the tenant in the
        portal): beyond the whitelisted placeholders, only a mail template editor may write
        QWeb into it. A text kept as its template has it is the template editor's."""
        user = self.env.user
        if not body or self.env.su or user.has_group("mail.group_mail_template_editor"):
            return
        if template and body == template.body:
            return
        if self.env["mall.lease.template"]._has_unsafe_expression_template_qweb(body, "mall.lease"):
            raise AccessError(
                _(
                    "The contract text may only use the placeholders listed on the contract "
                    "templates; other QWeb code needs the group %(group)s.",
                    group=self.env.ref("mail.group_mail_template_editor").name,
                )
            )

    @api.onchange("template_id")
    def _onchange_template_id(self):
        if self.template_id:
            self.body = self.template_id.body

    # ------------------------------------------------------------------ rendering
    def _render_body(self):
        """The contract text with its placeholders filled in from the lease, in the tenant's
        language, every value escaped (a tenant name can never inject markup)."""
        self.ensure_one()
        source = self.body or self.template_id.body or ""
        lang = self.tenant_id.lang or self.env.lang
        rendered = (
            self.env["mall.lease.template"]
            .with_context(lang=lang)
            ._render_template(source, self._name, self.ids, engine="qweb")
        )
        return Markup(rendered[self.id])

    def _terms_snapshot(self):
        """The main terms as they read now (HTML), kept by amendments as the old version."""
        self.ensure_one()
        lease = self.with_context(lang=self.tenant_id.lang or self.env.lang)
        return (
            self.env["ir.qweb"]
            .with_context(lang=lease.env.lang)
            ._render(
                "mall_contract.lease_terms_snapshot",
                {
                    "lease": lease,
                    "fees": [
                        (fee.name or fee.fee_type, format_money(fee.price)) for fee in lease.fee_ids
                    ],
                },
            )
        )

    def _render_contract_pdf(self):
        """The contract PDF (bytes), rendered by wkhtmltopdf even under tests."""
        self.ensure_one()
        pdf, _fmt = (
            self.env["ir.actions.report"]
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf("mall_contract.action_report_lease", self.ids)
        )
        return pdf

    def action_print_contract(self):
        """Print the contract PDF."""
        return self.env.ref("mall_contract.action_report_lease").report_action(self)
