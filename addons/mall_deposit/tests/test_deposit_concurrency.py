import psycopg2

from odoo import SUPERUSER_ID, api
from odoo.addons.mall_billing.tests.payment_common import LeaseInvoiceMixin
from odoo.exceptions import UserError
from odoo.tests import TransactionCase, tagged
from odoo.tools import SQL, mute_logger


@tagged("post_install", "-at_install")
class TestDepositRefundConcurrency(TransactionCase):
    """Two finance users refund the same deposit at the same moment, in two transactions: the
    refunds together never exceed what is held. Needs committed data, removed afterwards."""

    def _env(self, cr):
        return api.Environment(cr, SUPERUSER_ID, {"lang": "zh_CN"})

    def _held(self, lease_id):
        with self.registry.cursor() as cr:
            return self._env(cr)["mall.lease"].browse(lease_id).deposit_held

    def setUp(self):
        super().setUp()
        with self.registry.cursor() as cr:
            maker = type("Maker", (LeaseInvoiceMixin,), {"env": self._env(cr)})
            maker._setup_mall("DPC")
            tenant = maker._tenant("并发押金测试有限公司")
            lease = maker._active_lease(tenant, maker.units[0], deposit_lease=10000.0)
            bill = maker._bill(lease, [("DEPOSIT_LEASE", 10000.0)])
            maker._pay(bill)
            self.ids = {
                "mall": maker.mall.id,
                "tenant": tenant.id,
                "lease": lease.id,
                "partner": tenant.id,
            }
        self.addCleanup(self._remove_committed_data)

    def _remove_committed_data(self):
        """Below the ORM: posted entries, payments and the lease made for this test only."""
        with self.registry.cursor() as cr:
            ids = self.ids
            cr.execute(SQL("SELECT id FROM account_move WHERE partner_id = %s", ids["partner"]))
            moves = tuple(row[0] for row in cr.fetchall()) or (0,)
            cr.execute(
                SQL(
                    "SELECT id FROM account_move_line WHERE move_id IN %s OR partner_id = %s",
                    moves,
                    ids["partner"],
                )
            )
            lines = tuple(row[0] for row in cr.fetchall()) or (0,)
            for query in (
                SQL(
                    "DELETE FROM account_partial_reconcile "
                    "WHERE debit_move_id IN %s OR credit_move_id IN %s",
                    lines,
                    lines,
                ),
                SQL(
                    "DELETE FROM account_full_reconcile WHERE id IN "
                    "(SELECT full_reconcile_id FROM account_move_line WHERE id IN %s)",
                    lines,
                ),
                SQL("UPDATE account_move SET origin_payment_id = NULL WHERE id IN %s", moves),
                SQL("DELETE FROM account_payment WHERE partner_id = %s", ids["partner"]),
                SQL("DELETE FROM account_payment_register WHERE partner_id = %s", ids["partner"]),
                SQL("DELETE FROM account_move_line WHERE id IN %s", lines),
                SQL("DELETE FROM account_move WHERE id IN %s", moves),
                SQL("DELETE FROM mall_receivable WHERE lease_id = %s", ids["lease"]),
                SQL("DELETE FROM mall_lease WHERE id = %s", ids["lease"]),
                SQL("DELETE FROM mall_unit WHERE mall_id = %s", ids["mall"]),
                SQL("DELETE FROM mall_floor WHERE mall_id = %s", ids["mall"]),
                SQL("DELETE FROM mall_mall WHERE id = %s", ids["mall"]),
                SQL("DELETE FROM res_partner WHERE id = %s", ids["partner"]),
            ):
                cr.execute(query)

    def test_a_refund_under_way_makes_the_second_one_wait_with_a_message(self):
        with self.registry.cursor() as cr1, self.registry.cursor() as cr2:
            lease1 = self._env(cr1)["mall.lease"].browse(self.ids["lease"])
            lease2 = self._env(cr2)["mall.lease"].browse(self.ids["lease"])
            self.assertEqual(lease2.deposit_held, 10000.0)
            lease1._deposit_refund(amount=6000.0)
            # without a lock of its own the second refund would wait behind the first's entries
            cr2.execute("SET LOCAL lock_timeout = '3s'")
            with self.assertRaisesRegex(UserError, "正在"):
                lease2._deposit_refund(amount=6000.0)
            cr2.rollback()
            cr1.commit()
        self.assertEqual(self._held(self.ids["lease"]), 4000.0)

    def test_two_refunds_that_read_the_same_deposit_cannot_both_succeed(self):
        outcomes = []
        with self.registry.cursor() as cr1, self.registry.cursor() as cr2:
            lease1 = self._env(cr1)["mall.lease"].browse(self.ids["lease"])
            lease2 = self._env(cr2)["mall.lease"].browse(self.ids["lease"])
            # both transactions see the whole deposit held before either refunds
            self.assertEqual((lease1.deposit_held, lease2.deposit_held), (10000.0, 10000.0))
            lease1._deposit_refund(amount=10000.0)
            cr1.commit()
            outcomes.append("first")
            try:
                with mute_logger("odoo.sql_db"):
                    lease2._deposit_refund(amount=10000.0)
                    self._env(cr2).flush_all()
                    cr2.commit()
                outcomes.append("second")
            except (psycopg2.Error, UserError):
                cr2.rollback()
        self.assertEqual(outcomes, ["first"])
        self.assertEqual(self._held(self.ids["lease"]), 0.0)
        # the retry Odoo makes of the refused request reads fresh figures and is refused
        with self.registry.cursor() as cr:
            lease = self._env(cr)["mall.lease"].browse(self.ids["lease"])
            with self.assertRaisesRegex(UserError, "保证金"):
                lease._deposit_refund(amount=10000.0)
