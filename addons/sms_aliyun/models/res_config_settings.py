from odoo import _, fields, models
from odoo.exceptions import UserError


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    sms_provider = fields.Selection(
        related="company_id.sms_provider", required=True, readonly=False
    )
    sms_aliyun_endpoint = fields.Char(related="company_id.sms_aliyun_endpoint", readonly=False)
    sms_aliyun_access_key_id = fields.Char(
        related="company_id.sms_aliyun_access_key_id", readonly=False, groups="base.group_system"
    )
    sms_aliyun_access_key_secret = fields.Char(
        related="company_id.sms_aliyun_access_key_secret",
        readonly=False,
        groups="base.group_system",
    )
    sms_aliyun_sign_name = fields.Char(related="company_id.sms_aliyun_sign_name", readonly=False)
    sms_aliyun_template_code = fields.Char(
        related="company_id.sms_aliyun_template_code", readonly=False
    )
    sms_aliyun_test_number = fields.Char(
        string="Test Number", help="A mobile number that receives the test SMS."
    )

    def action_sms_aliyun_send_test(self):
        """Send one SMS to the test number through the company's Aliyun account and tell the
        outcome, as sms_twilio's "Send test SMS" does."""
        self.ensure_one()
        if not self.sms_aliyun_test_number:
            raise UserError(_("Please set the number to which you want to send a test SMS."))
        sms = (
            self.env["sms.sms"]
            .sudo()
            .create(
                {
                    "number": self.sms_aliyun_test_number,
                    "body": _("This is a test SMS from Odoo."),
                    "record_company_id": self.company_id.id,
                }
            )
        )
        sms.send(unlink_failed=True, unlink_sent=True)
        if sms.state == "error":
            failure = dict(sms._fields["failure_type"].get_description(self.env)["selection"])
            message = _(
                "The test SMS was refused: %(failure)s",
                failure=failure.get(sms.failure_type, sms.failure_type),
            )
            if sms.sms_aliyun_failure_reason:
                message = f"{message} — {sms.sms_aliyun_failure_reason}"
        else:
            message = _(
                "Aliyun accepted the test SMS to %(number)s.", number=self.sms_aliyun_test_number
            )
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "title": _("Aliyun SMS"),
                "message": message,
                "type": "danger" if sms.state == "error" else "success",
                "sticky": False,
            },
        }
