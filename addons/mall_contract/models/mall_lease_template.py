from odoo import api, fields, models

from .mall_lease import LEASE_TYPES
from .mall_lease_text import CONTRACT_EXPRESSIONS


class MallLeaseTemplate(models.Model):
    """A contract template (合同模板) per lease type. Its text is QWeb on the lease as
    ``object``, rendered by Odoo's own engine (mail.render.mixin) when a lease is printed; the
    contract placeholders (e.g. ``<t t-out="object.tenant_id.name"/>``) are open to every
    editor, any other QWeb only to mail template editors, as for Odoo's mail templates."""

    _name = "mall.lease.template"
    _inherit = ["mail.render.mixin"]
    _description = "Lease Template"
    _order = "sequence, id"
    # As mail.template: the stored text is trusted when rendering, because the mixin refuses
    # to save QWeb beyond the whitelisted placeholders from anyone but a template editor.
    _unrestricted_rendering = True

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    lease_type = fields.Selection(LEASE_TYPES, required=True, default="standard")
    active = fields.Boolean(default=True)
    # The contract text is content, written in the language of the contract (Chinese for a
    # Chinese mall), not a UI string: it is edited per template, not translated. Sanitized as
    # Odoo's mail templates are: QWeb tags and attributes stay, scripts do not.
    body = fields.Html(
        render_engine="qweb",
        sanitize_tags=False,
        sanitize_attributes=False,
        sanitize_style=True,
        sanitize_output_method="xml",
    )
    placeholder_help = fields.Text(compute="_compute_placeholder_help")

    def _compute_render_model(self):
        self.render_model = "mall.lease"

    @api.depends_context("lang")
    def _compute_placeholder_help(self):
        leases = self.env["mall.lease"]
        lines = []
        for expression in CONTRACT_EXPRESSIONS:
            record, labels = leases, []
            for name in expression.split(".")[1:]:
                field = record._fields[name]
                labels.append(field._description_string(self.env))
                record = self.env[field.comodel_name] if field.relational else record
            lines.append(f'<t t-out="{expression}"/>  {" › ".join(labels)}')
        text = "\n".join(lines)
        for template in self:
            template.placeholder_help = text
