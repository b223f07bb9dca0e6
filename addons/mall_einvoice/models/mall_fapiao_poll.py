import logging
from datetime import timedelta

from odoo import _, api, fields, models

from ..lib import provider

_logger = logging.getLogger(__name__)

MAX_SIGN_RETRIES = 5
# Requests asked for in one call of the polling cron, committed together.
POLL_BATCH = 500
POLL_CRON = "mall_einvoice.cron_mall_fapiao_poll"


class MallFapiao(models.Model):
    """Results of the requests under way. Issuing is asynchronous at every provider: a request
    is asked for again after 1, 2, 4 … minutes (at most an hour), each check a deferred run of
    the polling cron (``ir.cron._trigger(at=…)``), so the cron runs only when a check is due. A
    provider's callback only triggers a check: the result is always fetched from the provider."""

    _inherit = "mall.fapiao"

    sign_retries = fields.Integer(readonly=True, default=0, copy=False)
    poll_count = fields.Integer(readonly=True, default=0, copy=False)
    next_poll = fields.Datetime(readonly=True, copy=False, index=True)

    def _schedule_poll(self, when=None):
        """Check these requests at ``when`` (default: now): set their next check and wake the
        polling cron then."""
        if not self:
            return
        when = when or fields.Datetime.now()
        self.write({"next_poll": when})
        self.env.ref(POLL_CRON).sudo()._trigger(at=when)

    def _back_off(self):
        """The next check of requests still under way: 1, 2, 4 … minutes after this one, at most
        an hour."""
        now = fields.Datetime.now()
        for count in sorted(set(self.mapped("poll_count"))):
            batch = self.filtered(lambda fapiao, count=count: fapiao.poll_count == count)
            batch.write({"poll_count": count + 1})
            batch._schedule_poll(now + timedelta(minutes=min(2**count, 60)))

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
                        "next_poll": False,
                    }
                )
                issued |= fapiao
            elif state == provider.STATE_FAILED:
                fapiao.write(
                    {
                        "state": "failed",
                        "fail_reason": result["fail_cause"] or _("Issuing failed."),
                        "next_poll": False,
                    }
                )
            elif state == provider.STATE_SIGN_FAILED:
                if fapiao.sign_retries >= MAX_SIGN_RETRIES:
                    fapiao.write(
                        {
                            "state": "failed",
                            "fail_reason": result["fail_cause"] or _("The signature failed."),
                            "next_poll": False,
                        }
                    )
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
            mine.filtered(lambda fapiao: fapiao.state in ("submitted", "issuing"))._back_off()
        return True

    def _query_one_by_one(self, adapter):
        results = []
        for fapiao in self:
            try:
                results += adapter.query(order_nos=[fapiao.name])
            except provider.ProviderError as error:
                if error.code == "E9500" and fapiao.state == "submitted":
                    # never accepted (the submission was lost): send again, same order number
                    fapiao._send(adapter)
        return results

    @api.model
    def _poll_due_domain(self):
        return [
            ("state", "in", ("submitted", "issuing")),
            ("next_poll", "<=", fields.Datetime.now()),
            # a red fapiao is issued by the provider from its form: followed once its serial
            # is known (mall.fapiao.red.form._refresh_red)
            "|",
            ("is_red", "=", False),
            ("serial", "!=", False),
        ]

    @api.model
    def _cron_poll_results(self, batch_size=POLL_BATCH):
        """Scheduled (woken by the triggers of :meth:`_schedule_poll`, and once a day in case
        one was lost): fetch the results of the requests that are due, batch by batch, each
        batch committed through ``ir.cron._commit_progress``."""
        done = self.browse()
        while due := self.search(
            self._poll_due_domain() + [("id", "not in", done.ids)], limit=batch_size
        ):
            due.action_refresh()
            done |= due
            remaining = self.search_count(self._poll_due_domain() + [("id", "not in", done.ids)])
            if not self.env["ir.cron"]._commit_progress(len(due), remaining=remaining):
                break  # out of time: the cron comes back for the rest at once
