"""Odoo's SMS API (``sms.tools.sms_api.SmsApiBase``) over Aliyun SendSms, as ``sms_twilio``
does it for Twilio: ``sms.sms`` sends its batches through ``_send_sms_batch``."""

import json
import logging

import requests

from odoo.addons.sms.tools.sms_api import SmsApiBase

from . import aliyun_protocol

_logger = logging.getLogger(__name__)


class SmsApiAliyun(SmsApiBase):
    """One signed SendSms call per number. Chinese gateways send approved templates only: the
    company's generic template carries the text Odoo composed in its one variable
    ``content`` (``${content}``); the sign name is the company's approved 签名."""

    PROVIDER_TO_SMS_FAILURE_TYPE = SmsApiBase.PROVIDER_TO_SMS_FAILURE_TYPE | {
        "insufficient_credit": "sms_credit",
        "aliyun_authentication": "sms_acc",
        "aliyun_not_approved": "sms_acc",
        "aliyun_rate_limit": "sms_server",
    }

    def _send_sms_batch(self, messages, delivery_reports_url=False):
        """See ``SmsApi._send_sms_batch``; each result also carries ``sms_aliyun_biz_id``,
        Aliyun's id of the accepted message, which its delivery reports name."""
        company = (self.company or self.env.company).sudo()
        session = requests.Session()
        results = []
        for message in messages:
            content = message.get("content") or ""
            for number in message.get("numbers") or []:
                results.append(
                    self._send_one(session, company, number["number"], content, number["uuid"])
                )
        return results

    def _send_one(self, session, company, number, content, uuid):
        params = aliyun_protocol.signed_params(
            "SendSms",
            company.sms_aliyun_access_key_id or "",
            company.sms_aliyun_access_key_secret or "",
            PhoneNumbers=aliyun_protocol.mainland_number(number),
            SignName=company.sms_aliyun_sign_name or "",
            TemplateCode=company.sms_aliyun_template_code or "",
            TemplateParam=json.dumps({"content": content}, ensure_ascii=False),
            OutId=uuid,
        )
        endpoint = company.sms_aliyun_endpoint or aliyun_protocol.DEFAULT_ENDPOINT
        try:
            answer = session.post(endpoint, data=params, timeout=10).json()
        except (requests.RequestException, ValueError) as error:
            _logger.warning("Aliyun SMS: gateway %s unreachable: %s", endpoint, error)
            return {
                "uuid": uuid,
                "state": "server_error",
                "failure_reason": self._failure_reason("server_error", "", str(error)),
            }
        code = answer.get("Code")
        if code == "OK":
            return {"uuid": uuid, "state": "success", "sms_aliyun_biz_id": answer.get("BizId")}
        state = aliyun_protocol.SEND_ERROR_STATES.get(code, "server_error")
        _logger.info("Aliyun SMS: %s refused: %s %s", uuid, code, answer.get("Message"))
        return {
            "uuid": uuid,
            "state": state,
            "failure_reason": self._failure_reason(state, code, answer.get("Message")),
        }

    def _failure_reason(self, state, code, message):
        """What the user reads on the failed notification: our explanation, then Aliyun's."""
        explanation = self._get_sms_api_error_messages().get(state, "")
        detail = ": ".join(part for part in (code, message) if part)
        if not detail:
            return explanation
        return self.env._("%(explanation)s (%(detail)s)", explanation=explanation, detail=detail)

    def _get_sms_api_error_messages(self):
        _ = self.env._
        return super()._get_sms_api_error_messages() | {
            "server_error": _("The Aliyun SMS gateway could not be reached or failed."),
            "wrong_number_format": _("The number is not a mainland China mobile number."),
            "insufficient_credit": _("The Aliyun SMS account has no balance left."),
            "aliyun_authentication": _(
                "Aliyun refused the AccessKey: check the AccessKey ID and Secret in Settings."
            ),
            "aliyun_not_approved": _(
                "The sign name or the template code is not approved by Aliyun: check them in "
                "Settings."
            ),
            "aliyun_rate_limit": _(
                "Aliyun's sending limit for this number or account was reached; resend later."
            ),
        }
