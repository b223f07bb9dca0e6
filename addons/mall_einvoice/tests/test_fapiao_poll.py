import time
from datetime import timedelta

from odoo import fields
from odoo.tests import TransactionCase, tagged

from .common import FapiaoCaseMixin


@tagged("post_install", "-at_install")
class TestFapiaoPolling(FapiaoCaseMixin, TransactionCase):
    """Results of requests under way are fetched by deferred runs of the polling cron: each
    request sets a trigger at its next check, the checks back off 1, 2, 4 … minutes."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_fapiao()
        cls.cron = cls.env.ref("mall_einvoice.cron_mall_fapiao_poll")

    def _run_cron(self):
        """Run the polling cron as the scheduler does: in its own cursor (here one that shares
        the test's transaction), committing through _commit_progress."""
        with self.enter_registry_test_mode():
            self.cron.method_direct_trigger()

    def _triggers_at(self, when):
        return self.env["ir.cron.trigger"].search(
            [("cron_id", "=", self.cron.id), ("call_at", "=", when)]
        )

    def _submitted(self):
        move = self._invoice([(self.service, 1, 100)])
        move.action_mall_request_fapiao()
        fapiao = move.mall_fapiao_ids
        fapiao.action_submit()
        return fapiao

    def test_each_check_wakes_the_cron_when_it_is_due(self):
        self.assertEqual(
            (self.cron.interval_number, self.cron.interval_type),
            (1, "days"),
            "no polling every minute: the cron runs when a check is due",
        )
        self.sim_control(delay=5)
        try:
            fapiao = self._submitted()
            self.assertEqual(fapiao.state, "issuing")
            self.assertTrue(self._triggers_at(fapiao.next_poll), "first check at once")
            expected = timedelta(minutes=1)
            for _check in range(3):
                before = fields.Datetime.now()
                fapiao.action_refresh()
                self.assertEqual(fapiao.state, "issuing")
                wait = fapiao.next_poll - before
                self.assertGreaterEqual(wait, expected)
                self.assertLess(wait, expected + timedelta(seconds=5))
                self.assertTrue(self._triggers_at(fapiao.next_poll), "the cron wakes then")
                expected *= 2
            self.assertEqual(fapiao.poll_count, 3)
        finally:
            self.sim_control(delay=0.0)

    def test_lost_callback_is_caught_up_by_the_polling_cron_with_back_off(self):
        self.sim_control(delay=0.3)
        try:
            fapiao = self._submitted()
            self.assertEqual(fapiao.state, "issuing")
            # no callback ever comes; the cron asks, too early, and backs off
            self._run_cron()
            self.assertEqual(fapiao.state, "issuing")
            self.assertEqual(fapiao.poll_count, 1)
            first_wait = fapiao.next_poll - fields.Datetime.now()
            self.assertGreater(first_wait, timedelta(seconds=50))
            self._run_cron()
            self.assertEqual(fapiao.poll_count, 1, "not due yet: not asked again")
            fapiao.next_poll = fields.Datetime.now()
            self._run_cron()
            self.assertEqual(fapiao.poll_count, 2)
            self.assertGreater(fapiao.next_poll - fields.Datetime.now(), first_wait)
            time.sleep(0.4)
            fapiao.next_poll = fields.Datetime.now()
            self._run_cron()
            self.assertEqual(fapiao.state, "issued")
            self.assertFalse(fapiao.next_poll, "nothing left to check")
        finally:
            self.sim_control(delay=0.0)

    def test_cron_works_through_the_due_requests_batch_by_batch(self):
        self.sim_control(delay=0.3)
        try:
            fapiao = self._submitted() | self._submitted() | self._submitted()
            time.sleep(0.4)
            fapiao.write({"next_poll": fields.Datetime.now()})
            self.cron.write({"code": "model._cron_poll_results(batch_size=2)"})
            self._run_cron()
            self.assertEqual(set(fapiao.mapped("state")), {"issued"})
            progress = self.env["ir.cron.progress"].search(
                [("cron_id", "=", self.cron.id)], order="id desc", limit=1
            )
            self.assertEqual((progress.done, progress.remaining), (3, 0))
        finally:
            self.sim_control(delay=0.0)
