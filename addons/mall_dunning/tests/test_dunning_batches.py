from collections import Counter
from datetime import date
from unittest.mock import patch

from odoo.tests import tagged

from .notice_common import NoticeCase


@tagged("post_install", "-at_install")
class TestDunningBatches(NoticeCase):
    """The daily late-fee and reminder job commits tenant by tenant: stopped half-way, the next
    run resumes with the tenants left and nothing is charged or sent twice; a tenant that fails
    does not hold up the others."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.third_tenant = cls.env["res.partner"].create(
            {"name": "广州晨曦书店有限公司", "is_company": True, "lang": "zh_CN"}
        )
        cls.third_lease = cls._make_lease(cls.third_tenant, cls.units[2])
        cls.moves = (
            cls._invoice(cls.lease, date(2026, 1, 1), [(cls.rent, 10000.0)])
            | cls._invoice(cls.other_lease, date(2026, 1, 1), [(cls.rent, 10000.0)])
            | cls._invoice(cls.third_lease, date(2026, 1, 1), [(cls.rent, 10000.0)])
        )
        cls.cron = cls.env.ref("mall_dunning.ir_cron_mall_dunning")
        cls.Move = cls.env.registry["account.move"]
        cls.Cron = cls.env.registry["ir.cron"]

    def _watch_tenants(self, fail_for=None):
        """Patch the late-fee work: record which tenants each call deals with, fail for one."""
        done = []
        original = self.Move._mall_accrue_late_fees

        def accrue(moves, today=None):
            partners = moves.commercial_partner_id
            done.append(partners)
            if fail_for and fail_for in partners:
                raise ValueError("provider down")
            return original(moves, today)

        return done, patch.object(self.Move, "_mall_accrue_late_fees", accrue)

    def _assert_each_dunned_once(self, moves):
        letter = self.env.ref("mall_dunning.dunning_level_letter")
        fees = set()
        for move in moves:
            self.assertEqual(move.mall_dunning_ids.level_id, letter, move.partner_id.name)
            self.assertEqual(len(move.mall_dunning_ids.letter_id), 1)
            receivables = move.mall_late_fee_receivable_ids
            self.assertEqual(len(receivables), 1, "one late fee per invoice, not one per run")
            self.assertEqual(receivables.amount, move.mall_late_fee)
            fees.add(move.mall_late_fee)
            mails = move.message_ids.filtered(lambda m: m.message_type == "comment")
            self.assertEqual(len(mails), 1, "one reminder mailed")
        self.assertEqual(len(fees), 1, "the same bill bears the same fee, run once or resumed")
        self.assertGreater(fees.pop(), 0)

    def test_a_run_killed_half_way_resumes_with_the_tenants_left(self):
        done, watch = self._watch_tenants()
        original = self.Cron._commit_progress
        calls = []

        def commit_progress(cron, processed=0, *, remaining=None, deactivate=False):
            calls.append(processed)
            if len(calls) == 3:
                # the worker dies after the second tenant's work, before its commit
                raise KeyError("worker killed")
            return original(cron, processed, remaining=remaining, deactivate=deactivate)

        with watch, patch.object(self.Cron, "_commit_progress", commit_progress):
            self._run_dunning(date(2026, 3, 1))
        first, second = done[0], done[1]
        self.assertEqual(
            Counter(done),
            Counter({first: 1, second: 2, done[-1]: 1}),
            "the tenant committed before the kill is not dealt with again",
        )
        self.assertEqual(set(done), set(self.moves.commercial_partner_id))
        self._assert_each_dunned_once(self.moves)
        # the next day's check finds every invoice dealt with: a run again today adds nothing
        done.clear()
        with watch:
            self._run_dunning(date(2026, 3, 1))
        self.assertFalse(done)
        self._assert_each_dunned_once(self.moves)
        progress = self.env["ir.cron.progress"].search(
            [("cron_id", "=", self.cron.id)], order="id desc", limit=1
        )
        self.assertEqual(progress.remaining, 0)

    def test_a_failing_tenant_is_logged_and_skipped(self):
        failing = self.other_tenant
        done, watch = self._watch_tenants(fail_for=failing)
        with (
            watch,
            self.assertLogs("odoo.addons.mall_dunning.models.account_move", "ERROR") as logs,
        ):
            self._run_dunning(date(2026, 3, 1))
        self.assertIn(failing.name, logs.output[0])
        failed = self.moves.filtered(lambda m: m.partner_id == failing)
        self._assert_each_dunned_once(self.moves - failed)
        self.assertFalse(failed.mall_dunning_ids, "nothing half done for the failing tenant")
        self.assertFalse(failed.mall_late_fee_receivable_ids)
        # left for the next day, when it works again
        self._run_dunning(date(2026, 3, 2))
        self.assertEqual(len(failed.mall_dunning_ids), 1)
        self.assertEqual(len(failed.mall_late_fee_receivable_ids), 1)
