from odoo import fields, models


class MallLeaseReminder(models.Model):
    """An expiry reminder that went out: one per lease and lead time, never twice."""

    _name = "mall.lease.reminder"
    _description = "Lease Expiry Reminder"
    _order = "date_sent desc, id desc"

    lease_id = fields.Many2one("mall.lease", required=True, index=True, ondelete="cascade")
    company_id = fields.Many2one(related="lease_id.company_id", store=True, index=True)
    lead_days = fields.Integer(required=True, help="Days before the end this reminder is for.")
    date_sent = fields.Date(required=True)
    days_left = fields.Integer(help="Days left to the end of the lease when it was sent.")

    _lease_lead_unique = models.UniqueIndex("(lease_id, lead_days)")
