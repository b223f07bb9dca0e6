"""The Aliyun SMS (阿里云短信服务, dysmsapi 2017-05-25) RPC protocol, as its public documentation
describes it; plain functions, no Odoo.

- A call is a form-encoded POST to the endpoint with AccessKeyId, Action, Format=JSON,
  RegionId, SignatureMethod=HMAC-SHA1, SignatureNonce (unique per call), SignatureVersion=1.0,
  Timestamp (UTC, ``YYYY-MM-DDThh:mm:ssZ``), Version=2017-05-25 and the action's parameters;
  ``SendSms`` takes PhoneNumbers, SignName (the approved 签名), TemplateCode (the approved
  template), TemplateParam (JSON) and OutId (our reference, echoed in delivery reports).
- Signature: the parameters sorted by name, name and value percent-encoded (RFC 3986, space as
  %20, ``~`` kept) and joined as a query string; the string to sign is ``POST&%2F&`` + that
  query string percent-encoded; Signature = base64(HMAC-SHA1(AccessKeySecret + "&", it)).
- Answer: JSON ``{"Code": "OK", "BizId": …, "RequestId": …}`` or an error Code with a Message.
- Delivery reports (SmsReport, "HTTP 批量推送" set in the Aliyun console): Aliyun POSTs a JSON
  array of ``{"phone_number", "send_time", "report_time", "success", "err_code", "err_msg",
  "sms_size", "biz_id", "out_id"}`` to our URL and expects ``{"code": 0, "msg": …}``.
"""

import base64
import hashlib
import hmac
import re
import uuid
from datetime import UTC, datetime
from urllib.parse import quote

DEFAULT_ENDPOINT = "https://dysmsapi.aliyuncs.com/"
API_VERSION = "2017-05-25"

# SendSms error Code → our provider state (a key of SmsApiAliyun.PROVIDER_TO_SMS_FAILURE_TYPE)
SEND_ERROR_STATES = {
    "isv.MOBILE_NUMBER_ILLEGAL": "wrong_number_format",
    "isv.MOBILE_COUNT_OVER_LIMIT": "wrong_number_format",
    "isv.AMOUNT_NOT_ENOUGH": "insufficient_credit",
    "isv.OUT_OF_SERVICE": "insufficient_credit",
    "SignatureDoesNotMatch": "aliyun_authentication",
    "InvalidAccessKeyId.NotFound": "aliyun_authentication",
    "InvalidAccessKeyId.Inactive": "aliyun_authentication",
    "isv.ACCOUNT_NOT_EXISTS": "aliyun_authentication",
    "isv.SMS_SIGNATURE_ILLEGAL": "aliyun_not_approved",
    "isv.SMS_TEMPLATE_ILLEGAL": "aliyun_not_approved",
    "isv.TEMPLATE_MISSING_PARAMETERS": "aliyun_not_approved",
    "isv.BUSINESS_LIMIT_CONTROL": "aliyun_rate_limit",
    "isv.DAY_LIMIT_CONTROL": "aliyun_rate_limit",
    "Throttling.User": "aliyun_rate_limit",
}

# SmsReport err_code of a failed delivery → Odoo's delivery failure (``sms_<value>`` of
# mail.notification.failure_type). Aliyun passes on the carriers' status codes; these are the
# CMPP ones. Any other failed report is "not delivered" with Aliyun's err_msg as the reason.
REPORT_ERROR_FAILURES = {
    "EXPIRED": "expired",
    "DELETED": "not_delivered",
    "UNDELIV": "not_delivered",
    "UNKNOWN": "not_delivered",
    "REJECTD": "rejected",
}

_OUT_ID = re.compile(r"^[0-9a-f]{32}$")


def percent_encode(value):
    return quote(str(value), safe="~")


def sign(params, secret, method="POST"):
    """The Aliyun RPC signature (HMAC-SHA1, version 1.0) of ``params``."""
    query = "&".join(f"{percent_encode(k)}={percent_encode(params[k])}" for k in sorted(params))
    to_sign = f"{method}&{percent_encode('/')}&{percent_encode(query)}"
    digest = hmac.new((secret + "&").encode(), to_sign.encode(), hashlib.sha1).digest()
    return base64.b64encode(digest).decode()


def signed_params(action, access_key_id, secret, **params):
    """The parameters of one RPC call ``action``, signature included."""
    params = {
        "AccessKeyId": access_key_id,
        "Action": action,
        "Format": "JSON",
        "RegionId": "cn-hangzhou",
        "SignatureMethod": "HMAC-SHA1",
        "SignatureNonce": uuid.uuid4().hex,
        "SignatureVersion": "1.0",
        "Timestamp": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "Version": API_VERSION,
        **params,
    }
    params["Signature"] = sign(params, secret)
    return params


def mainland_number(number):
    """13800138000 from +86 138 0013 8000, 0086-13800138000 …: Aliyun's domestic SendSms
    takes mainland mobiles without the country code."""
    digits = re.sub(r"\D", "", number or "")
    for prefix in ("0086", "86"):
        if digits.startswith(prefix) and len(digits) == len(prefix) + 11:
            return digits[len(prefix) :]
    return digits


def valid_report(report):
    """A delivery report we can match: a dict with our out_id (an sms uuid) and a biz_id."""
    return (
        isinstance(report, dict)
        and isinstance(report.get("out_id"), str)
        and bool(_OUT_ID.match(report["out_id"]))
        and bool(report.get("biz_id"))
    )
