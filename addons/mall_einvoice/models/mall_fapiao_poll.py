import logging

from odoo import _, api, fields, models
from odoo.addons.queue_job.exception import RetryableJobError

from ..lib import provider

_logger = logging.getLogger(__name__)

MAX_SIGN_RETRIES = 5
# Tries of a status check before its job is shown as failed: with the back-off of its retry
# pattern (data/queue_job_data.xml: 10 s, 30 s, 1, 2, 4 … minutes, then hourly) about two days.
CHECK_MAX_RETRIES = 48


class MallFapiao(models.Model):
    """Results of the requests under way. Issuing is asynchronous at every provider: each
    request under way has one queued status check (``_job_check``), retried while the provider
    is still issuing, 10 s, 30 s, 1, 2, 4 … minutes apart, at most an hour (the retry pattern
    of its job function). A provider's callback only triggers a check: the result is always
    fetched from the provider."""

    _inherit = "mall.fapiao"

    sign_retries = fields.Integer(readonly=True, default=0, copy=False)

    def _enqueue_check(self, eta=None):
        """Queue a status check of each of these requests (one pending check per request: its
        identity key)."""
        for fapiao in self:
            fapiao.with_delay(
                eta=eta,
                max_retries=CHECK_MAX_RETRIES,
                identity_key=f"mall.fapiao._job_check:{fapiao.id}",
                description=_("Fetch the result of fapiao %(order)s", order=fapiao.name),
            )._job_check()

    def _job_check(self):
        """Queued job: ask the provider for the result of one request; while it is still being
        issued the job is tried again later (its retry pattern is the back-off)."""
        self.ensure_one()
        if self.state not in ("submitted", "issuing"):
            return f"nothing to check: {self.name} is {self.state}"
        if self.state == "submitted" and not self.is_red:
            # not known to be accepted yet: its sending job asks the provider first
            self._enqueue_issue(ask_first=True)
            return f"{self.name}: handed back to sending"
        signatures = self.sign_retries
        self.action_refresh()
        if self.state in ("submitted", "issuing"):
            if self.sign_retries != signatures:
                # the provider signs again: keep the count (a retry would roll it back)
                self._enqueue_check(eta=60)
                return f"{self.name}: signature retried"
            raise RetryableJobError(
                _("Fapiao %(order)s is still being issued by the provider.", order=self.name)
            )
        return f"{self.name}: {self.state}"

    def _apply_results(self, results, adapter):
        by_order = {result["order_no"]: result for result in results if result["order_no"]}
        by_serial = {result["serial"]: result for result in results if result["serial"]}
        now = fields.Datetime.now()
        issued = self.browse()
        for fapiao in self:
            result = by_order.get(fapiao.name) or by_serial.get(fapiao.serial or "")
            if not result:
                continue
            state = result["state"]
            if state == provider.STATE_ISSUED and fapiao.state != "issued":
                fapiao.write(
                    {
                        "state": "issued",
                        "number": result["number"],
                        "issue_date": result["date"] or now,
                        "qr_code": result["qr_code"],
                        "pdf_url": result["pdf_url"],
                        "xml_url": result["xml_url"],
                        "ofd_url": result["ofd_url"],
                        "serial": result["serial"] or fapiao.serial,
                    }
                )
                issued |= fapiao
            elif state == provider.STATE_FAILED:
                reason = result["fail_cause"] or _("Issuing failed.")
                fapiao.write({"state": "failed", "fail_reason": reason})
                self._problem_activity(fapiao, reason)
            elif state == provider.STATE_SIGN_FAILED:
                if fapiao.sign_retries >= MAX_SIGN_RETRIES:
                    reason = result["fail_cause"] or _("The signature failed.")
                    fapiao.write({"state": "failed", "fail_reason": reason})
                    self._problem_activity(fapiao, reason)
                    continue
                try:
                    adapter.retry_signature(result["serial"] or fapiao.serial)
                except provider.ProviderError as error:
                    _logger.warning("fapiao %s: signature retry refused: %s", fapiao.name, error)
                fapiao.write({"state": "issuing", "sign_retries": fapiao.sign_retries + 1})
        issued._on_issued(adapter)

    def _on_issued(self, adapter):
        """Files, credit note of red ones, email to the tenant."""
        for fapiao in self:
            fapiao._attach_files(adapter)
        self.filtered("is_red")._create_credit_note()
        self.filtered(lambda fapiao: fapiao.company_id.mall_fapiao_push)._push_mail()

    def action_refresh(self):
        """Ask the provider for the result of requests still under way."""
        # a red fapiao is issued by the provider from its form: followed once its serial is known
        pending = self.filtered(
            lambda fapiao: (
                fapiao.state in ("submitted", "issuing") and (not fapiao.is_red or fapiao.serial)
            )
        )
        for company in pending.company_id:
            mine = pending.filtered(lambda fapiao, company=company: fapiao.company_id == company)
            adapter = company._mall_fapiao_provider()
            by_serial = mine.filtered(lambda fapiao: fapiao.is_red and fapiao.serial)
            by_order = mine - by_serial
            results = []
            for batch, key in ((by_order, "order_nos"), (by_serial, "serials")):
                if not batch:
                    continue
                try:
                    results += adapter.query(
                        **{key: batch.mapped("name" if key == "order_nos" else "serial")}
                    )
                except provider.ProviderError as error:
                    if error.code != "E9500" or key != "order_nos":
                        _logger.warning("fapiao query failed: %s", error)
                        continue
                    # one of them was never accepted: ask one by one, send the lost ones again
                    results += batch._query_one_by_one(adapter)
            mine._apply_results(results, adapter)
        return True

    def _query_one_by_one(self, adapter):
        results = []
        for fapiao in self:
            try:
                results += adapter.query(order_nos=[fapiao.name])
            except provider.ProviderError as error:
                if error.code == "E9500" and fapiao.state == "submitted":
                    # never accepted (the submission was lost): send again, same order number
                    fapiao._enqueue_issue()
        return results

    @api.model
    def _cron_poll_results(self):
        """Scheduled once a day: queue a status check for every request under way that has
        none pending (its check gave up, or it dates from before the queue); a request whose
        submission job is lost is queued again. The identity keys keep what is pending."""
        pending = self.search(
            [
                ("state", "in", ("submitted", "issuing")),
                # a red fapiao is issued by the provider from its form: followed once its
                # serial is known (mall.fapiao.red.form._refresh_red)
                "|",
                ("is_red", "=", False),
                ("serial", "!=", False),
            ]
        )
        lost = pending.filtered(lambda fapiao: fapiao.state == "submitted" and not fapiao.is_red)
        lost._enqueue_issue(ask_first=True)
        (pending - lost)._enqueue_check()
