"""SMS through a Chinese gateway speaking the Aliyun SMS (阿里云短信服务, dysmsapi
2017-05-25) RPC protocol: one signed HTTP request per message, ``Action=SendSms``.

Protocol, as public documentation describes it and as this adapter assumes it:
- parameters (form-encoded POST to the endpoint): AccessKeyId, Action=SendSms, Format=JSON,
  RegionId, SignatureMethod=HMAC-SHA1, SignatureNonce (unique per call), SignatureVersion=1.0,
  Timestamp (UTC, ISO 8601 ``YYYY-MM-DDThh:mm:ssZ``), Version=2017-05-25, PhoneNumbers,
  SignName (the approved 签名), TemplateCode (the approved template), TemplateParam (JSON),
  OutId (our reference, echoed in delivery receipts);
- signature: the parameters sorted by name, each name and value percent-encoded (RFC 3986,
  space as %20, ``~`` kept), joined as a query string; the string to sign is
  ``POST&%2F&`` + the percent-encoded query string; Signature = base64(HMAC-SHA1(
  AccessKeySecret + "&", string to sign));
- answer: JSON ``{"Code": "OK", "BizId": ..., "RequestId": ...}`` or an error Code such as
  ``isv.MOBILE_NUMBER_ILLEGAL``, ``isv.BUSINESS_LIMIT_CONTROL``, ``isv.AMOUNT_NOT_ENOUGH``,
  ``SignatureDoesNotMatch``, ``InvalidAccessKeyId.NotFound``.

Assumed, because Chinese gateways only send approved templates: the company has one approved
generic template whose single variable ``content`` carries the text Odoo composed (e.g.
``${content}``); numbers are mainland mobiles (+86 is stripped). Delivery receipts are not
polled: an accepted message is "sent" (Odoo's ``pending``), a refused one is in error with the
gateway's message."""

import base64
import hashlib
import hmac
import json
import logging
import re
import uuid
from datetime import UTC, datetime
from urllib.parse import quote

import requests

from odoo.addons.sms.tools.sms_api import SmsApiBase

_logger = logging.getLogger(__name__)

# gateway error code → Odoo SMS failure state (keys of PROVIDER_TO_SMS_FAILURE_TYPE)
ERROR_STATES = {
    "isv.MOBILE_NUMBER_ILLEGAL": "wrong_number_format",
    "isv.MOBILE_COUNT_OVER_LIMIT": "wrong_number_format",
    "isv.AMOUNT_NOT_ENOUGH": "insufficient_credit",
    "isv.OUT_OF_SERVICE": "insufficient_credit",
    "SignatureDoesNotMatch": "unregistered",
    "InvalidAccessKeyId.NotFound": "unregistered",
    "isv.SMS_SIGNATURE_ILLEGAL": "unregistered",
    "isv.SMS_TEMPLATE_ILLEGAL": "unregistered",
}


def percent_encode(value):
    return quote(str(value), safe="~")


def sign(params, secret, method="POST"):
    """The Aliyun RPC signature (HMAC-SHA1, version 1.0) of ``params``."""
    query = "&".join(f"{percent_encode(k)}={percent_encode(params[k])}" for k in sorted(params))
    to_sign = f"{method}&{percent_encode('/')}&{percent_encode(query)}"
    digest = hmac.new((secret + "&").encode(), to_sign.encode(), hashlib.sha1).digest()
    return base64.b64encode(digest).decode()


def mainland_number(number):
    """13800138000 from +86 138 0013 8000, 0086-13800138000 …"""
    digits = re.sub(r"\D", "", number or "")
    for prefix in ("0086", "86"):
        if digits.startswith(prefix) and len(digits) == len(prefix) + 11:
            return digits[len(prefix):]
    return digits


class AliyunSmsApi(SmsApiBase):
    PROVIDER_TO_SMS_FAILURE_TYPE = SmsApiBase.PROVIDER_TO_SMS_FAILURE_TYPE | {
        "insufficient_credit": "sms_credit",
        "unregistered": "sms_acc",
    }

    def _params(self, company, number, content, out_id):
        return {
            "AccessKeyId": company.mall_sms_access_key_id or "",
            "Action": "SendSms",
            "Format": "JSON",
            "RegionId": "cn-hangzhou",
            "SignatureMethod": "HMAC-SHA1",
            "SignatureNonce": uuid.uuid4().hex,
            "SignatureVersion": "1.0",
            "Timestamp": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "Version": "2017-05-25",
            "PhoneNumbers": mainland_number(number),
            "SignName": company.mall_sms_sign_name or "",
            "TemplateCode": company.mall_sms_template_code or "",
            "TemplateParam": json.dumps({"content": content}, ensure_ascii=False),
            "OutId": out_id,
        }

    def _send_sms_batch(self, messages, delivery_reports_url=False):
        company = (self.company or self.env.company).sudo()
        endpoint = company.mall_sms_endpoint or "https://dysmsapi.aliyuncs.com/"
        secret = company.mall_sms_access_key_secret or ""
        session = requests.Session()
        results = []
        for message in messages:
            for number in message.get("numbers") or []:
                params = self._params(company, number["number"], message.get("content") or "",
                                      number["uuid"])
                params["Signature"] = sign(params, secret)
                result = {"uuid": number["uuid"]}
                try:
                    response = session.post(endpoint, data=params, timeout=10)
                    answer = response.json()
                except (requests.RequestException, ValueError) as error:
                    _logger.warning("SMS gateway unreachable: %s", error)
                    result.update(state="server_error", failure_reason=str(error))
                else:
                    code = answer.get("Code")
                    if code == "OK":
                        result.update(state="success", sms_biz_id=answer.get("BizId"))
                    else:
                        result.update(state=ERROR_STATES.get(code, "server_error"),
                                      failure_reason=f"{code}: {answer.get('Message', '')}")
                results.append(result)
        return results
