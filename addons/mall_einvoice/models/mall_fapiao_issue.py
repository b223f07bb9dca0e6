from odoo import _, models
from odoo.addons.queue_job.exception import RetryableJobError
from odoo.exceptions import UserError

from ..lib import provider

# Tries of a sending job before it is shown as failed (back-off: its retry pattern, data)
ISSUE_MAX_RETRIES = 10


class MallFapiao(models.Model):
    """Sending a request to the provider through its adapter (lib/provider.py): the neutral
    order, what is missing before it can go, and what each answer means for the request.

    Sending is a queued job per request (``_job_issue``, queue_job): the button and the
    automatic requests only mark the request submitted and queue its job, so the order number
    is committed before the provider is called, and one request that fails never holds up
    another."""

    _inherit = "mall.fapiao"

    def _provider_order(self):
        self.ensure_one()
        rent = False
        if self.is_rent:
            rent = {
                "address_region": self.rent_region or "",
                "address_detail": self.rent_address or "",
                "date_start": self.rent_date_start,
                "date_end": self.rent_date_end,
                "cross_city": self.rent_cross_city,
                "certificate": self.rent_certificate,
            }
        return {
            "order_no": self.name,
            "kind": self.kind,
            "seller_tax_number": self.company_id.vat,
            "clerk": self.company_id.mall_fapiao_clerk or self.env.user.name,
            "remark": self.remark,
            "callback_url": self.company_id._mall_fapiao_callback_url(),
            "buyer": {
                "name": self.buyer_name,
                "tax_number": self.buyer_tax_number,
                "address": self.buyer_address,
                "phone": self.buyer_phone,
                "bank": self.buyer_bank,
                "account": self.buyer_account,
                "email": self._push_email(),
            },
            "rent": rent,
            "lines": [line._provider_line() for line in self.line_ids],
        }

    def _missing(self):
        """Why this request cannot be sent yet ('' when it can)."""
        self.ensure_one()
        if not self.company_id.sudo().mall_fapiao_url:
            return _(
                "Configure the fapiao provider of %(company)s first (Settings, Companies, Fapiao).",
                company=self.company_id.name,
            )
        if not self.line_ids:
            return _("Fapiao %(order)s has no lines.", order=self.name)
        missing = self.line_ids.filtered(lambda line: not line.tax_code)
        if missing:
            return _(
                "Set the tax classification code of the charge type of %(items)s "
                "before issuing fapiao %(order)s.",
                items=", ".join(missing.mapped("name")),
                order=self.name,
            )
        if self.kind == "special" and not self.buyer_tax_number:
            return _("A special VAT fapiao needs the buyer's taxpayer ID.")
        if self.is_rent and not (
            self.rent_region and self.rent_address and self.rent_date_start and self.rent_date_end
        ):
            return _("A property rent fapiao needs the property address and the lease period.")
        return ""

    def _ready(self):
        return self.filtered(lambda fapiao: not fapiao._missing())

    def action_submit(self):
        """Queue draft or failed requests for the provider; a failed one gets a new order
        number first. The job runs once this transaction, and the number with it, is
        committed."""
        todo = self.filtered(
            lambda fapiao: fapiao.state in ("draft", "failed") and not fapiao.is_red
        )
        for fapiao in todo:
            reason = fapiao._missing()
            if reason:
                raise UserError(reason)
        for fapiao in todo.filtered(lambda fapiao: fapiao.state == "failed"):
            old = fapiao.name
            fapiao.attempt += 1
            fapiao.write({"name": fapiao._order_number(), "fail_reason": False})
            fapiao.message_post(
                body=_(
                    "Issued again under order number %(new)s; the failed one was %(old)s.",
                    new=fapiao.name,
                    old=old,
                )
            )
        todo.write({"state": "submitted"})
        todo._enqueue_issue()
        return True

    def _enqueue_issue(self, ask_first=False):
        """One sending job per request; the identity key (request and order number) keeps the
        same request from being queued twice. ``ask_first``: the request may have reached the
        provider already (queued again by the daily catch-up)."""
        for fapiao in self:
            fapiao.with_delay(
                max_retries=ISSUE_MAX_RETRIES,
                identity_key=f"mall.fapiao._job_issue:{fapiao.id}:{fapiao.name}",
                description=_("Send fapiao %(order)s to the provider", order=fapiao.name),
            )._job_issue(ask_first=ask_first)

    def _job_is_retry(self):
        """Whether this run of the current job is not its first (retried after a lost answer,
        requeued by the runner after its worker died); outside a job: assume so."""
        uuid = self.env.context.get("job_uuid")
        if not uuid:
            return True
        job = self.env["queue.job"].sudo().search([("uuid", "=", uuid)], limit=1)
        return bool(job.retry)

    def _job_issue(self, ask_first=False):
        """Queued job: send one submitted request under its order number. A retry (or a run
        with ``ask_first``) first asks the provider for that number and sends only when the
        provider does not know it."""
        self.ensure_one()
        if self.state != "submitted" or self.is_red:
            return f"nothing to send: {self.name} is {self.state}"
        adapter = self.company_id._mall_fapiao_provider()
        if ask_first or self._job_is_retry():
            results = self._provider_results(adapter)
            if results:
                self.write({"state": "issuing", "serial": results[0]["serial"] or self.serial})
                self._apply_results(results, adapter)
                if self.state == "issuing":
                    self._enqueue_check()
                return f"{self.name} was known to the provider: {self.state}"
        self._send(adapter)
        return f"{self.name}: {self.state}"

    def _provider_results(self, adapter):
        """The provider's results for this request's order number ([] when it does not know
        it); no answer makes the job try again later."""
        try:
            return adapter.query(order_nos=[self.name])
        except provider.ProviderTimeout as error:
            raise RetryableJobError(str(error)) from error
        except provider.ProviderError as error:
            if error.code == "E9500":
                return []
            raise RetryableJobError(f"{error.code}: {error.message}") from error

    def _send(self, adapter=None):
        self.ensure_one()
        adapter = adapter or self.company_id._mall_fapiao_provider()
        try:
            vals = {"serial": adapter.issue(self._provider_order()), "state": "issuing"}
        except provider.DuplicateOrder:
            # already accepted earlier (a lost answer, a crash): only its result is missing
            vals = {"state": "issuing"}
        except provider.ProviderTimeout as error:
            # unknown outcome: rolled back, the job runs again and asks for this order number
            raise RetryableJobError(
                _(
                    "No answer from the provider for %(order)s (%(error)s): asked again later.",
                    order=self.name,
                    error=error.message,
                )
            ) from error
        except provider.ProviderError as error:
            if error.code == "NETWORK":
                raise RetryableJobError(f"{error.code}: {error.message}") from error
            reason = f"{error.code}: {error.message}"
            self.write({"state": "failed", "fail_reason": reason})
            self._problem_activity(self, reason)
            return
        self.write(vals)
        # ask once at once: a fast provider has issued already (the tenant who just paid finds
        # the fapiao in the portal, and no check job is needed); else a queued check backs off
        self.action_refresh()
        if self.state == "issuing":
            self._enqueue_check()
