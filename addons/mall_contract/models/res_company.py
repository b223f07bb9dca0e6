from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    _inherit = "res.company"

    mall_lease_discount_threshold = fields.Float(
        string="Lease Discount Needing Finance Approval (%)",
        default=10.0,
        help="A lease whose rent is more than this below the rent standard also needs a "
        "finance manager's approval.",
    )
    mall_lease_value_threshold = fields.Monetary(
        string="Lease Value Needing Finance Approval",
        default=5000000.0,
        help="A lease whose total rent over the term exceeds this also needs a finance "
        "manager's approval.",
    )
    mall_lease_reminder_days = fields.Char(
        string="Expiry Reminders (Days Before End)",
        default="90,60,30",
        help="Comma-separated lead times of the expiry reminders, e.g. 90,60,30 or 30.",
    )
    mall_lease_expiring_days = fields.Integer(
        string="Expiring Status (Days Before End)",
        default=90,
        help="From this many days before its end a lease and its units show as expiring.",
    )

    @api.constrains("mall_lease_reminder_days", "mall_lease_expiring_days")
    def _check_mall_lease_settings(self):
        for company in self:
            company._mall_lease_reminder_leads()
            if company.mall_lease_expiring_days < 0:
                raise ValidationError(_("The expiring lead time cannot be negative."))

    def _mall_lease_reminder_leads(self):
        """The reminder lead times in days, largest first."""
        self.ensure_one()
        try:
            leads = sorted(
                {
                    int(part)
                    for part in (self.mall_lease_reminder_days or "").split(",")
                    if part.strip()
                },
                reverse=True,
            )
        except ValueError:
            raise ValidationError(
                _(
                    "Expiry reminders must be whole numbers of days separated by commas, e.g. "
                    "90,60,30."
                )
            ) from None
        if any(lead < 0 for lead in leads):
            raise ValidationError(_("Reminder lead times cannot be negative."))
        return leads
