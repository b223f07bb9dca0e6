"""Faults between the provider's answer and our commit: exactly one fapiao at the provider, no
request left behind. And a fapiao problem never blocks the payment it follows."""

from functools import partial
from unittest.mock import patch

from odoo.addons.mall_einvoice.lib.nuonuo import NuonuoProvider
from odoo.tests import TransactionCase, tagged
from odoo.tests.common import _super_send

from .common import FapiaoCaseMixin


class WorkerKilled(BaseException):
    """Stands for a kill -9 of the worker: nothing after it is committed."""


@tagged("post_install", "-at_install")
class TestFapiaoFaults(FapiaoCaseMixin, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_fapiao()

    @classmethod
    def _request_handler(cls, s, r, /, **kw):
        # Odoo's tests raise any timeout under 10 s to 10 s; the hang test needs one under the
        # simulator's 2 s hang (only the local simulator is called here)
        return _super_send(s, r, **kw)

    def _request(self):
        move = self._invoice([(self.service, 1, 100)])
        move.action_mall_request_fapiao()
        return move.mall_fapiao_ids

    def _assert_one_at_the_provider(self, fapiao, before):
        self._wait_issued(fapiao)
        self.assertEqual(fapiao.state, "issued")
        stats = self._sim_stats()
        self.assertEqual(stats["orders"] - before["orders"], 1, "one order at the provider")
        self.assertEqual(stats["issued"] - before["issued"], 1, "one fapiao issued")
        self.assertFalse(self._jobs(states=("pending", "enqueued", "started", "failed")))
        self.assertEqual(len(self.adapter().query(order_nos=[fapiao.name])), 1)

    def test_killed_between_the_provider_answer_and_the_commit_issues_once(self):
        fapiao = self._request()
        before = self._sim_stats()
        fapiao.action_submit()
        name = fapiao.name
        job = self._jobs("_job_issue")
        self.assertEqual(len(job), 1)

        def killed(records):
            raise WorkerKilled

        # the provider accepts the request, the worker dies before the job's commit
        with (
            patch.object(type(self.env["mall.fapiao"]), "action_refresh", killed),
            self.assertRaises(WorkerKilled),
            self.env.cr.savepoint(),
        ):
            self._run_job(job)
        self.env.invalidate_all()
        self.assertEqual(self._sim_stats()["orders"] - before["orders"], 1)
        self.assertEqual(fapiao.state, "submitted", "nothing of the job was committed")
        # the runner requeues a job whose worker died (queue_job's requeue_dead_jobs)
        self.env.cr.execute(
            "UPDATE queue_job SET state = 'pending', retry = retry + 1 WHERE id = %s", [job.id]
        )
        self.env.invalidate_all()
        self._run_job(job)
        self.assertEqual(fapiao.name, name, "the same order number, asked for first")
        self.assertIn(fapiao.state, ("issuing", "issued"))
        self._assert_one_at_the_provider(fapiao, before)

    def test_answer_dropped_by_the_provider_is_asked_for_not_sent_again(self):
        fapiao = self._request()
        before = self._sim_stats()
        self.sim_control(drop_next=1)
        fapiao.action_submit()
        job = self._jobs("_job_issue")
        self._run_job(job)
        job.invalidate_recordset()
        self.assertEqual((job.state, job.retry), ("pending", 1), "retried later")
        self.assertEqual(fapiao.state, "submitted")
        self._assert_one_at_the_provider(fapiao, before)

    def test_answer_that_hangs_past_the_timeout_is_asked_for_not_sent_again(self):
        fapiao = self._request()
        before = self._sim_stats()
        self.sim_control(hang_next=1)
        fapiao.action_submit()
        quick = partial(NuonuoProvider, timeout=1)
        with patch("odoo.addons.mall_einvoice.models.res_company.NuonuoProvider", quick):
            self._run_job(self._jobs("_job_issue"))
            self.assertEqual(fapiao.state, "submitted")
            self._assert_one_at_the_provider(fapiao, before)


@tagged("post_install", "-at_install")
class TestFapiaoNeverBlocksPayment(FapiaoCaseMixin, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_fapiao()
        cls.company.mall_fapiao_trigger = "payment"

    def _rent_invoice_of_a_mall_without_address(self):
        self.mall.fapiao_address = False
        floor = self.env["mall.floor"].create({"name": "1F", "level": 1, "mall_id": self.mall.id})
        unit = self.env["mall.unit"].create(
            {"code": "L1-102", "mall_id": self.mall.id, "floor_id": floor.id}
        )
        move = self._invoice([(self.rent, 1, 10000)])
        self.env["mall.receivable"].create(
            {
                "partner_id": self.tenant.id,
                "mall_id": self.mall.id,
                "unit_id": unit.id,
                "charge_type_id": self.rent_charge.id,
                "period_start": "2026-12-01",
                "period_end": "2026-12-31",
                "due_date": "2026-11-25",
                "amount": 10000,
            }
        ).sudo().write({"move_id": move.id, "state": "invoiced"})
        return move

    def test_payment_is_recorded_when_the_property_address_is_broken(self):
        move = self._rent_invoice_of_a_mall_without_address()
        self._pay(move)
        self.assertIn(move.payment_state, ("paid", "in_payment"), "the payment is recorded")
        self.assertFalse(move.mall_fapiao_ids)
        job = self._jobs("_job_mall_fapiao_request")
        self.assertEqual(len(job), 1, "the fapiao is requested afterwards, by a job")
        self._run_job(job)
        self.assertEqual(job.state, "done", "a fapiao problem is no failed job: finance acts")
        self.assertFalse(move.mall_fapiao_ids)
        activity = move.activity_ids.filtered(
            lambda act: (
                act.activity_type_id
                == self.env.ref("mall_einvoice.mail_activity_type_fapiao_problem")
            )
        )
        self.assertEqual(len(activity), 1)
        self.assertIn("不动产详细地址必须包含街、路、村、乡、镇或道。", activity.note)
        self.assertFalse(activity.user_id.share, "for a back-office user")
        # paid twice over (a second partial payment): one activity, not two
        self.env["mall.fapiao"]._problem_activity(move, activity.note)
        self.assertEqual(len(move.activity_ids), 1)

    def test_request_is_made_once_however_often_the_payment_hook_runs(self):
        move = self._invoice([(self.service, 1, 100)])
        self._pay(move)
        move._mall_fapiao_auto("payment")
        self.assertEqual(len(self._jobs("_job_mall_fapiao_request")), 1)
        self._wait_issued(move.mall_fapiao_ids or self.env["mall.fapiao"])
        self._run_jobs()
        self.assertEqual(len(move.mall_fapiao_ids), 1)
        self.assertEqual(move.mall_fapiao_ids.state, "issued")
