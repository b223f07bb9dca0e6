"""Expiry of leases: the daily job that moves leases to expiring / expired and their units to
the status the leases give them, and the expiry reminders, once per lead time."""

from datetime import timedelta

from odoo import _, api, fields, models

from .mall_lease import RUNNING_STATES


class MallLease(models.Model):
    _inherit = "mall.lease"

    reminder_ids = fields.One2many(
        "mall.lease.reminder",
        "lease_id",
        string="Reminders Sent",
        groups="mall_leasing.group_mall_staff",
    )
    days_to_end = fields.Integer(compute="_compute_days_to_end")

    def _compute_days_to_end(self):
        today = fields.Date.context_today(self)
        for lease in self:
            lease.days_to_end = (lease.date_end - today).days if lease.date_end else 0

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
        ending = self.search(
            [("state", "in", ("expired", "terminated")), ("units_released", "=", False)]
        )
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
        sent = {
            (r.lease_id.id, r.lead_days)
            for r in self.env["mall.lease.reminder"].search([("lease_id", "in", leases.ids)])
        }
        activity_type = self.env.ref("mail.mail_activity_data_todo")
        finance_users = self.env.ref("mall_leasing.group_finance_manager").user_ids.filtered(
            lambda u: not u.share
        )
        reminders, activities = [], []
        for lease in leases:
            leads = lease.company_id._mall_lease_reminder_leads()
            due = [
                lead
                for lead in leads
                if lease.date_end - timedelta(days=lead) <= today and (lease.id, lead) not in sent
            ]
            if not due:
                continue
            # Several lead times passed at once (e.g. a lease created late): one message, all
            # of them marked as sent.
            days = (lease.date_end - today).days
            message = _(
                "Lease %(lease)s of %(tenant)s ends on %(end)s, in %(days)s days.",
                lease=lease.name,
                tenant=lease.tenant_id.name,
                end=lease.date_end,
                days=days,
            )
            partners = lease.tenant_contact_id | lease.user_id.partner_id | finance_users.partner_id
            lease.message_post(
                body=message,
                subject=_("Lease expiry reminder"),
                partner_ids=partners.ids,
                subtype_xmlid="mail.mt_comment",
                message_type="comment",
            )
            for user in lease.user_id | finance_users[:1]:
                activities.append(
                    {
                        "res_model_id": self.env["ir.model"]._get_id("mall.lease"),
                        "res_id": lease.id,
                        "activity_type_id": activity_type.id,
                        "user_id": user.id,
                        "summary": _("Lease expiry: prepare renewal or exit"),
                        "note": message,
                        "date_deadline": today,
                    }
                )
            reminders.extend(
                {"lease_id": lease.id, "lead_days": d, "date_sent": today, "days_left": days}
                for d in due
            )
        if activities:
            self.env["mail.activity"].sudo().create(activities)
        if reminders:
            self.env["mall.lease.reminder"].sudo().create(reminders)
        return len(reminders)
