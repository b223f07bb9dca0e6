import logging
from collections import defaultdict

from odoo import api, fields, models

from ..lib.aliyun_protocol import REPORT_ERROR_FAILURES, valid_report

_logger = logging.getLogger(__name__)


class SmsSms(models.Model):
    _inherit = "sms.sms"

    # As sms_twilio: the company whose provider sends an SMS that has no message of a record.
    record_company_id = fields.Many2one("res.company", "Company", ondelete="set null")
    sms_aliyun_biz_id = fields.Char(string="Aliyun BizId", readonly=True, copy=False)
    sms_aliyun_failure_reason = fields.Char(string="Failure Reason", readonly=True, copy=False)
    # Delivery reports can fail an SMS after it was sent: the same failures as the
    # notifications' (sms module, mail.notification.failure_type).
    failure_type = fields.Selection(
        selection_add=[
            ("sms_expired", "Expired"),
            ("sms_invalid_destination", "Invalid Destination"),
            ("sms_not_allowed", "Not Allowed"),
            ("sms_not_delivered", "Not Delivered"),
            ("sms_rejected", "Rejected"),
        ]
    )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            vals["record_company_id"] = vals.get("record_company_id") or self.env.company.id
        return super().create(vals_list)

    def _get_sms_company(self):
        return (
            self.mail_message_id.record_company_id
            or self.record_company_id
            or super()._get_sms_company()
        )

    def _split_by_api(self):
        """The provider is chosen per company, and so are the Aliyun credentials: SMS of
        Aliyun companies go out in one batch per company, the others take Odoo's way."""
        by_company = defaultdict(lambda: self.browse())
        for sms in self:
            by_company[sms._get_sms_company()] |= sms
        others = self.browse()
        for company, company_sms in by_company.items():
            if company.sms_provider == "aliyun":
                sms_api = company._get_sms_api_class()(self.env)
                sms_api._set_company(company)
                yield sms_api, company_sms
            else:
                others |= company_sms
        if others:
            yield from super(SmsSms, others)._split_by_api()

    def _get_send_batch_size(self):
        """Aliyun takes one call per number: small batches, each committed by the queue's cron,
        so that a crash re-sends as few SMS as possible."""
        if any(company.sms_provider == "aliyun" for company in self._get_sms_company()):
            return int(
                self.env["ir.config_parameter"]
                .sudo()
                .get_param("sms_aliyun.session.batch.size", 10)
            )
        return super()._get_send_batch_size()

    def _handle_call_result_hook(self, results):
        """Keep Aliyun's BizId (on the SMS and its tracker, as the SMS may be deleted once sent)
        for the delivery report, and the reason of a refusal for the user."""
        by_uuid = self.grouped("uuid")
        for result in results:
            sms = by_uuid.get(result.get("uuid"))
            if not sms:
                continue
            if result.get("sms_aliyun_biz_id"):
                sms.write(
                    {
                        "sms_aliyun_biz_id": result["sms_aliyun_biz_id"],
                        "sms_aliyun_failure_reason": False,
                    }
                )
                sms.sms_tracker_id.sms_aliyun_biz_id = result["sms_aliyun_biz_id"]
            elif result.get("failure_reason") and sms.state == "error":
                sms.sms_aliyun_failure_reason = result["failure_reason"]
        return super()._handle_call_result_hook(results)

    @api.model
    def _sms_aliyun_process_reports(self, reports):
        """Apply Aliyun delivery reports (SmsReport) to the SMS and their notifications, as
        sms_twilio's status callback does. A report counts only when its out_id (our SMS
        uuid) and its biz_id (Aliyun's id, stored at sending) both match: Aliyun's push is not
        signed, and nobody but Aliyun knows both. Returns the number of reports applied."""
        reports = [report for report in reports if valid_report(report)]
        uuids = [report["out_id"] for report in reports]
        trackers = self.env["sms.tracker"].search([("sms_uuid", "in", uuids)]).grouped("sms_uuid")
        all_sms = self.search([("uuid", "in", uuids)]).grouped("uuid")
        applied = 0
        for report in reports:
            uuid, biz_id = report["out_id"], str(report["biz_id"])
            tracker = trackers.get(uuid, self.env["sms.tracker"]).filtered(
                lambda t, biz_id=biz_id: t.sms_aliyun_biz_id == biz_id
            )
            sms = all_sms.get(uuid, self.browse()).filtered(
                lambda s, biz_id=biz_id: s.sms_aliyun_biz_id == biz_id
            )
            if not tracker and not sms:
                _logger.warning("Aliyun SMS: report of an unknown message %s / %s", uuid, biz_id)
                continue
            applied += 1
            in_flight = sms.filtered(lambda s: s.state in ("process", "pending"))
            if report.get("success") is True:
                tracker._action_update_from_sms_state("sent")
                in_flight.state = "sent"
                continue
            code = report.get("err_code") or ""
            reason = ": ".join(part for part in (code, report.get("err_msg")) if part)
            failure = REPORT_ERROR_FAILURES.get(code, "not_delivered")
            # a delivered SMS stays delivered, whatever a late or repeated push says
            tracker = tracker.filtered(
                lambda t: t.mail_notification_id.notification_status != "sent"
            )
            tracker.with_context(
                sms_known_failure_reason=reason
            )._action_update_from_provider_error(failure)
            in_flight.write(
                {
                    "state": "error",
                    "failure_type": f"sms_{failure}",
                    "sms_aliyun_failure_reason": reason,
                }
            )
        return applied
