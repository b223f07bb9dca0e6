from odoo import fields, models


class MallDunningLevel(models.Model):
    """One step of the reminder ladder (催缴): how many days after the due date it is reached
    and how the tenant is told (email, SMS, a 催款函 letter) and whether finance gets a task."""

    _name = "mall.dunning.level"
    _description = "Dunning Level"
    _order = "days_overdue, id"

    name = fields.Char(required=True, translate=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    days_overdue = fields.Integer(
        required=True, help="Reached when the invoice is unpaid this many days after its due date."
    )
    send_email = fields.Boolean(string="Email", default=True)
    mail_template_id = fields.Many2one(
        "mail.template", string="Email Template", domain="[('model', '=', 'account.move')]"
    )
    send_sms = fields.Boolean(string="SMS")
    sms_template_id = fields.Many2one(
        "sms.template", string="SMS Template", domain="[('model', '=', 'account.move')]"
    )
    send_letter = fields.Boolean(
        string="Dunning Letter",
        help="Attach the dunning letter (催款函) PDF to the email and keep it on the log.",
    )
    create_activity = fields.Boolean(
        string="Activity for Finance",
        help="Schedule a to-do on the invoice, e.g. to call the tenant or send the letter "
        "by registered post.",
    )
    activity_user_id = fields.Many2one(
        "res.users",
        string="Assigned to",
        help="Who gets the activity; by default the invoice's salesperson or the lease's "
        "responsible.",
    )
    activity_note = fields.Char(string="Activity Summary", translate=True)

    _days_positive = models.Constraint(
        "CHECK(days_overdue > 0)", "A dunning level is reached at least one day after the due date."
    )
    _days_unique = models.UniqueIndex(
        "(company_id, days_overdue) WHERE active",
        "Two dunning levels of a company cannot share the same number of days.",
    )
