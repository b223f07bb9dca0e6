"""The provider-neutral interface every fapiao service adapter implements.

Issuing is asynchronous at every provider (诺诺, 百望云, 乐企): ``issue`` only answers an
acceptance, ``query`` reports the state later. Answers are plain dicts with neutral keys so that
the models never see a provider's spelling.
"""

# Neutral states of one issue request
STATE_ISSUING = "issuing"
STATE_ISSUED = "issued"
STATE_FAILED = "failed"  # final: issue again under a new order number
STATE_SIGN_FAILED = "sign_failed"  # retry the signature (re-issue) under the same order number
STATE_VOIDED = "voided"


class ProviderError(Exception):
    """A provider refused a call; ``code`` is the provider's code (e.g. E9106)."""

    def __init__(self, code, message):
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message


class ProviderTimeout(ProviderError):
    """No answer in time: the request may or may not have been accepted."""

    def __init__(self, message="timeout"):
        super().__init__("TIMEOUT", message)


class DuplicateOrder(ProviderError):
    """The order number was already accepted: query it, never issue again."""


class FapiaoProvider:
    """Base class of provider adapters. ``order`` dicts use neutral keys:

    order_no, kind ('special' | 'normal'), red (bool), blue_number, buyer {name, tax_number,
    address, phone, bank, account, email}, seller_tax_number, clerk, remark, date (datetime),
    rent {address_region, address_detail, date_start, date_end, cross_city, certificate},
    lines [{name, tax_code, spec, unit, quantity, price, price_include, rate, amount, tax,
    total, preferential}].
    """

    def issue(self, order):
        """Submit one fapiao; return the provider's serial number."""
        raise NotImplementedError

    def query(self, order_nos=None, serials=None):
        """Return a list of results {order_no, serial, state, fail_cause, number, date,
        qr_code, pdf_url, xml_url, ofd_url}."""
        raise NotImplementedError

    def retry_signature(self, serial):
        """Ask the provider to sign again an invoice whose signature failed."""
        raise NotImplementedError

    def red_form_save(self, values):
        """Raise a 红字确认单 for a blue fapiao; return {form_id, state}."""
        raise NotImplementedError

    def red_form_query(self, form_id):
        """Return {form_id, state, red_number} of a 红字确认单."""
        raise NotImplementedError

    def red_form_confirm(self, form_id, agree=True):
        """Agree to (or reject) a 确认单 raised by the buyer."""
        raise NotImplementedError

    def red_form_revoke(self, form_id):
        """Revoke a 确认单 this seller raised."""
        raise NotImplementedError

    def void(self, serial):
        """Void a paper invoice; a 数电 one cannot be voided (reverse it by red flush)."""
        raise NotImplementedError

    def download(self, url):
        """Return the bytes of a PDF/XML/OFD file the provider published."""
        raise NotImplementedError
