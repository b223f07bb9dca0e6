from odoo import fields, models

from .mall_lease import LEASE_TYPES

PLACEHOLDERS = ("lease", "tenant", "tenant_uscc", "tenant_signatory", "landlord", "mall",
                "units", "area", "monthly_rent", "total_rent", "date_start", "date_end",
                "date_handover", "date_opening", "rent_mode", "turnover_rate",
                "escalation_rate", "payment_cycle", "payment_timing", "due_day",
                "deposit_lease", "deposit_renovation", "deposit_quality", "late_fee_rate",
                "late_fee_cap")


class MallLeaseTemplate(models.Model):
    """A contract template (合同模板) per lease type. Its text holds placeholders such as
    {{tenant}} or {{units}} that each lease fills in (escaped) when it is printed."""

    _name = "mall.lease.template"
    _description = "Lease Template"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    lease_type = fields.Selection(LEASE_TYPES, required=True, default="standard")
    active = fields.Boolean(default=True)
    # The contract text is content, written in the language of the contract (Chinese for a
    # Chinese mall), not a UI string: it is edited per template, not translated.
    body = fields.Html(sanitize_style=True)
    placeholder_help = fields.Text(compute="_compute_placeholder_help")

    def _compute_placeholder_help(self):
        text = " ".join("{{%s}}" % key for key in PLACEHOLDERS)
        for template in self:
            template.placeholder_help = text
