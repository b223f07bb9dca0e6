from odoo import _, api, fields, models
from odoo.exceptions import UserError


class MallLicenceRequest(models.Model):
    """A renewed business licence sent by a tenant from the portal. It only reaches the
    tenant's profile once leasing staff have checked it against the original."""

    _name = "mall.licence.request"
    _description = "Business Licence Update Request"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "create_date desc, id desc"

    name = fields.Char(compute="_compute_name")
    partner_id = fields.Many2one(
        "res.partner", string="Tenant", required=True, index=True, ondelete="cascade", readonly=True
    )
    requested_by_id = fields.Many2one(
        "res.users", readonly=True, default=lambda self: self.env.user
    )
    licence_file = fields.Binary(string="Business Licence", attachment=True, required=True)
    licence_filename = fields.Char(string="File Name")
    licence_expiry = fields.Date(
        string="Valid Until", help="Empty when the new licence is valid indefinitely (长期)."
    )
    current_expiry = fields.Date(
        string="Current Validity", related="partner_id.mall_licence_expiry"
    )
    state = fields.Selection(
        [("pending", "To Review"), ("approved", "Approved"), ("rejected", "Rejected")],
        default="pending",
        required=True,
        readonly=True,
        tracking=True,
        index=True,
    )
    reviewed_by_id = fields.Many2one("res.users", readonly=True)
    review_date = fields.Datetime(readonly=True)
    rejection_reason = fields.Char(tracking=True)
    # Stored, never empty: most tenants are shared between companies (no company of their
    # own), and the request belongs to the company whose portal it was sent through.
    company_id = fields.Many2one(
        "res.company",
        compute="_compute_company_id",
        store=True,
        index=True,
        readonly=True,
        precompute=True,
    )

    # The portal lets a tenant have one licence waiting for review; the index holds it under
    # concurrent posts.
    _one_pending_per_tenant = models.UniqueIndex(
        "(partner_id) WHERE state = 'pending'",
        "A licence of this tenant is already waiting for review.",
    )

    @api.depends("partner_id", "create_date")
    def _compute_name(self):
        for request in self:
            request.name = _("Licence of %(tenant)s", tenant=request.partner_id.display_name or "")

    @api.depends("partner_id")
    def _compute_company_id(self):
        for request in self:
            request.company_id = request.partner_id.company_id or self.env.company

    @api.model_create_multi
    def create(self, vals_list):
        requests = super().create(vals_list)
        activity_type = self.env.ref("mall_tenant.mail_activity_type_licence_review")
        responsible = requests.partner_id._mall_leasing_responsibles()
        for user, group in requests.grouped(lambda r: responsible[r.partner_id.id]).items():
            group.activity_schedule(
                activity_type_id=activity_type.id,
                summary=_("Check the renewed business licence"),
                user_id=user.id,
            )
        return requests

    def action_approve(self):
        """Apply the new licence to the tenant; the reviewed requests leave the review list."""
        self._check_pending()
        for request in self:
            request.partner_id.write(
                {
                    "mall_licence_file": request.licence_file,
                    "mall_licence_filename": request.licence_filename,
                    "mall_licence_expiry": request.licence_expiry,
                }
            )
        self._close("approved")
        return True

    def action_reject(self):
        """Refuse the licence; the tenant's profile is left as it was."""
        self._check_pending()
        missing = self.filtered(lambda r: not r.rejection_reason)
        if missing:
            raise UserError(_("Say why the licence is rejected: the tenant will see it."))
        self._close("rejected")
        return True

    def _check_pending(self):
        if any(request.state != "pending" for request in self):
            raise UserError(_("Only licences waiting for review can be approved or rejected."))

    def _close(self, state):
        self.write(
            {"state": state, "reviewed_by_id": self.env.uid, "review_date": fields.Datetime.now()}
        )
        self.activity_feedback(["mall_tenant.mail_activity_type_licence_review"])
