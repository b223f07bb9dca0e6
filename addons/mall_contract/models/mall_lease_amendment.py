from odoo import _, api, fields, models
from odoo.addons.mall_leasing.lib.money import round_money
from odoo.exceptions import UserError, ValidationError


class MallLeaseAmendment(models.Model):
    """A supplementary agreement (补充协议) changing a lease in force. The terms before the
    change are kept as they read then, so every version of the lease stays readable."""

    _name = "mall.lease.amendment"
    _description = "Lease Amendment"
    _inherit = ["mail.thread"]
    _order = "lease_id, version desc"

    lease_id = fields.Many2one("mall.lease", required=True, index=True, ondelete="cascade")
    company_id = fields.Many2one(related="lease_id.company_id", store=True, index=True)
    currency_id = fields.Many2one(related="lease_id.currency_id")
    version = fields.Integer(readonly=True, help="Version of the lease this amendment creates.")
    name = fields.Char(string="Title", required=True)
    date = fields.Date(required=True, default=fields.Date.context_today)
    description = fields.Html(string="Agreed Changes", required=True)
    new_date_end = fields.Date(string="New End Date")
    rent_change_pct = fields.Float(string="Rent Change (%)", digits=(5, 2))
    previous_terms = fields.Html(
        readonly=True, sanitize=False, help="The lease's terms as they read before this amendment."
    )
    state = fields.Selection(
        [("draft", "Draft"), ("applied", "Applied")], default="draft", required=True, readonly=True
    )

    @api.constrains("new_date_end", "rent_change_pct")
    def _check_values(self):
        for amendment in self:
            lease = amendment.lease_id
            if amendment.new_date_end and amendment.new_date_end < lease.date_start:
                raise ValidationError(_("The new end date is before the start of the lease."))
            if amendment.rent_change_pct <= -100:
                raise ValidationError(_("The rent cannot drop by 100 % or more."))

    def action_apply(self):
        """Apply the amendment: keep the old terms, change end date and rents, bump the
        lease's version."""
        for amendment in self:
            lease = amendment.lease_id
            if amendment.state != "draft":
                raise UserError(_("This amendment is already applied."))
            if lease.state not in ("active", "expiring"):
                raise UserError(_("Only a lease in force can be amended."))
            amendment.previous_terms = lease._terms_snapshot()
            amend = lease.with_context(mall_lease_amend=True)
            if amendment.new_date_end:
                amend.date_end = amendment.new_date_end
            if amendment.rent_change_pct:
                factor = 1 + amendment.rent_change_pct / 100.0
                for line in amend.line_ids:
                    line.price = round_money(line.price * factor)
            amendment.write({"state": "applied", "version": lease.version + 1})
            lease.version += 1
            lease.message_post(
                body=_(
                    "Amendment %(name)s applied: the lease is now at version %(version)s.",
                    name=amendment.name,
                    version=lease.version,
                )
            )
        return True
