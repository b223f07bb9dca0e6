from datetime import timedelta
from unittest.mock import patch

from odoo import fields
from odoo.tests import TransactionCase, tagged

from .common import FapiaoCaseMixin


@tagged("post_install", "-at_install")
class TestFapiaoPolling(FapiaoCaseMixin, TransactionCase):
    """Sending and status checks are queued jobs, one per request: a check is retried while the
    provider is still issuing, backing off 10 s, 30 s, 1, 2 … minutes; one failing request never
    holds up the others, and staff see and requeue a failed job."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_fapiao()

    def _submitted(self):
        move = self._invoice([(self.service, 1, 100)])
        move.action_mall_request_fapiao()
        fapiao = move.mall_fapiao_ids
        fapiao.action_submit()
        return fapiao

    def _job_of(self, fapiao, method, states=("pending",)):
        return self._jobs(method, states).filtered(lambda job: job.records == fapiao)

    def test_jobs_run_in_the_fapiao_channel_with_a_back_off(self):
        check = self.env.ref("mall_einvoice.job_function_fapiao_check")
        self.assertEqual(check.channel, "root.mall.fapiao")
        pattern = check._parse_retry_pattern()
        self.assertEqual(pattern[1], 10)
        self.assertEqual(max(pattern.values()), 3600, "at most an hour")
        issue = self.env.ref("mall_einvoice.job_function_fapiao_issue")
        self.assertEqual(issue.channel, "root.mall.fapiao")
        fapiao = self._submitted()
        self.assertEqual(self._job_of(fapiao, "_job_issue").channel, "root.mall.fapiao")

    def test_check_is_retried_later_and_later_while_the_provider_issues(self):
        self.sim_control(delay=30)
        try:
            fapiao = self._submitted()
            self.assertEqual(fapiao.state, "submitted")
            self._run_job(self._job_of(fapiao, "_job_issue"))
            self.assertEqual(fapiao.state, "issuing")
            waits = []
            for _check in range(3):
                job = self._job_of(fapiao, "_job_check")
                self.assertEqual(len(job), 1, "one check pending per request")
                before = fields.Datetime.now()
                self._run_job(job)
                job.invalidate_recordset()
                self.assertEqual(job.state, "pending")
                self.assertEqual(fapiao.state, "issuing")
                waits.append(job.eta - before)
            for wait, expected in zip(waits, (10, 30, 60), strict=True):
                self.assertGreaterEqual(wait, timedelta(seconds=expected - 1))
                self.assertLess(wait, timedelta(seconds=expected + 5))
            self.assertIn("仍在开票中", job.result)
        finally:
            self.sim_control(delay=0.0)

    def test_the_same_request_or_check_is_never_queued_twice(self):
        fapiao = self._submitted()
        fapiao._enqueue_issue()
        fapiao.action_submit()
        self.assertEqual(len(self._job_of(fapiao, "_job_issue")), 1)
        self._run_job(self._job_of(fapiao, "_job_issue"))
        fapiao._enqueue_check()
        fapiao._enqueue_check()
        self.assertEqual(len(self._job_of(fapiao, "_job_check")), 1)

    def test_one_failing_request_does_not_block_the_others(self):
        before = self._sim_stats()
        first, broken, last = self._submitted(), self._submitted(), self._submitted()
        order = type(self.env["mall.fapiao"])._provider_order

        def crash(fapiao):
            if fapiao == broken:
                raise ZeroDivisionError("a bug in one request")
            return order(fapiao)

        with patch.object(type(self.env["mall.fapiao"]), "_provider_order", crash):
            self._wait_issued(first | last)
        self.assertEqual((first | last).mapped("state"), ["issued", "issued"])
        job = self._job_of(broken, "_job_issue", states=("failed",))
        self.assertEqual(job.exc_name, "ZeroDivisionError")
        self.assertIn("a bug in one request", job.exc_message)
        self.assertEqual(broken.state, "submitted")
        # staff requeue it from the job list (queue_job's wizard) once the bug is fixed
        self.env["queue.requeue.job"].with_context(
            active_model="queue.job", active_ids=job.ids
        ).create({}).requeue()
        self._wait_issued(broken)
        self.assertEqual(broken.state, "issued")
        after = self._sim_stats()
        self.assertEqual(after["orders"] - before["orders"], 3)
        self.assertEqual(after["issued"] - before["issued"], 3)

    def test_daily_catch_up_queues_a_check_for_a_request_without_one(self):
        self.sim_control(delay=0.3)
        try:
            fapiao = self._submitted()
            self._run_job(self._job_of(fapiao, "_job_issue"))
            self.assertEqual(fapiao.state, "issuing")
            self._job_of(fapiao, "_job_check").button_cancelled()
            self.assertFalse(self._job_of(fapiao, "_job_check"))
            self.env["mall.fapiao"]._cron_poll_results()
            self.assertEqual(len(self._job_of(fapiao, "_job_check")), 1)
            self._wait_issued(fapiao)
            self.assertEqual(fapiao.state, "issued")
        finally:
            self.sim_control(delay=0.0)

    def test_finance_reaches_the_job_list_from_the_configuration_menu(self):
        menu = self.env.ref("mall_einvoice.menu_mall_queue_job")
        self.assertEqual(menu.parent_id, self.env.ref("mall_billing.menu_billing_config"))
        self.assertEqual(menu.action, self.env.ref("queue_job.action_queue_job"))
        manager = self.env.ref("mall_leasing.group_finance_manager")
        self.assertIn(self.env.ref("queue_job.group_queue_job_manager"), manager.all_implied_ids)
