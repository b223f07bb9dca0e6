from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    mall_notice_on_post = fields.Boolean(
        string="Payment Notice on Posting",
        help="Email the payment notice (缴费通知单) of a lease invoice when it is posted.",
    )
    mall_notice_sms = fields.Boolean(
        string="Payment Notice by SMS", help="Also text the tenant when a notice is sent."
    )
    mall_statement_auto = fields.Boolean(
        string="Monthly Statements",
        default=True,
        help="Email each tenant the statement (对账单) of the past month on the 1st.",
    )
