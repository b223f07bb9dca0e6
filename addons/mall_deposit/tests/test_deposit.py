from datetime import date

from odoo.addons.mall_billing.tests.payment_common import LeaseInvoiceMixin
from odoo.exceptions import AccessError, UserError
from odoo.tests import TransactionCase


class TestDeposit(LeaseInvoiceMixin, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_mall("DEP")
        cls.tenant = cls._tenant("上海深蓝咖啡有限公司")
        cls.lease = cls._active_lease(cls.tenant, cls.units[0], deposit_lease=10000.0)
        cls.finance = (
            cls.env["res.users"]
            .with_context(no_reset_password=True)
            .create(
                {
                    "login": "dep_finance",
                    "name": "财务",
                    "group_ids": [(6, 0, [cls.env.ref("mall_leasing.group_finance_user").id])],
                }
            )
        )
        cls.clerk = (
            cls.env["res.users"]
            .with_context(no_reset_password=True)
            .create(
                {
                    "login": "dep_clerk",
                    "name": "招商",
                    "group_ids": [(6, 0, [cls.env.ref("mall_leasing.group_leasing_user").id])],
                }
            )
        )
        cls.deposit_account = cls.env.ref(
            "mall_billing.charge_type_deposit_lease"
        )._get_deposit_account()

    def _income(self):
        lines = self.env["account.move.line"].search(
            [
                ("parent_state", "=", "posted"),
                ("account_id.account_type", "in", ("income", "income_other")),
            ]
        )
        return sum(lines.mapped("balance"))

    def test_deposit_invoice_is_a_liability_never_revenue(self):
        income = self._income()
        bill = self._bill(self.lease, [("DEPOSIT_LEASE", 10000.0)])
        self.assertEqual(self._income(), income)
        deposit_line = bill.invoice_line_ids
        self.assertEqual(deposit_line.account_id, self.deposit_account)
        self.assertEqual(deposit_line.account_id.account_type[:9], "liability")
        self.assertFalse(deposit_line.tax_ids)
        self.assertEqual(self.lease.deposit_held, 0.0, "nothing is held before it is paid")
        self._pay(bill)
        self.lease.invalidate_recordset()
        self.assertEqual(self.lease.deposit_received, 10000.0)
        self.assertEqual(self.lease.deposit_held, 10000.0)

    def test_offset_pays_the_open_bills_from_the_deposit(self):
        deposit = self._bill(self.lease, [("DEPOSIT_LEASE", 10000.0)])
        self._pay(deposit)
        rent = self._bill(self.lease, [("RENT", 3000.0)])
        later = self._bill(
            self.lease, [("PROPERTY", 1000.0)], invoice_date=date(2026, 2, 1), due=date(2026, 2, 5)
        )
        open_total = rent.amount_total + later.amount_total
        move = self.lease.with_user(self.finance)._deposit_offset(date=date(2026, 3, 1))
        self.assertEqual(move.state, "posted")
        self.assertEqual(move.mall_deposit_operation, "offset")
        self.assertEqual(rent.payment_state, "paid")
        self.assertEqual(later.payment_state, "paid")
        debit = move.line_ids.filtered(lambda line: line.debit)
        self.assertEqual(debit.account_id, self.deposit_account)
        self.assertAlmostEqual(debit.debit, open_total)
        self.lease.invalidate_recordset()
        self.assertAlmostEqual(self.lease.deposit_offset, open_total)
        self.assertAlmostEqual(self.lease.deposit_held, 10000.0 - open_total)
        self.assertEqual(self.lease.open_amount, 0.0)
        self.assertIn(rent.name, self.lease.message_ids[0].body)

    def test_an_unpaid_deposit_settles_nothing(self):
        self._bill(self.lease, [("DEPOSIT_LEASE", 10000.0)])
        rent = self._bill(self.lease, [("RENT", 3000.0)])
        self.assertFalse(self.lease.with_user(self.finance)._deposit_offset())
        self.assertEqual(rent.payment_state, "not_paid")
        with self.assertRaises(UserError):
            self.lease.with_user(self.finance)._deposit_offset(amount=100.0)

    def test_refund_on_exit_pays_the_tenant_back(self):
        deposit = self._bill(self.lease, [("DEPOSIT_LEASE", 10000.0)])
        self._pay(deposit)
        with self.assertRaises(UserError):
            self.lease.with_user(self.finance)._deposit_refund(amount=20000.0)
        payment = self.lease.with_user(self.finance)._deposit_refund(date=date(2026, 6, 30))
        self.assertEqual(payment.payment_type, "outbound")
        self.assertEqual(payment.partner_id, self.tenant)
        self.assertEqual(payment.amount, 10000.0)
        entry = self.env["account.move"].search(
            [("mall_lease_id", "=", self.lease.id), ("mall_deposit_operation", "=", "refund")]
        )
        payable = entry.line_ids.filtered(lambda line: line.credit)
        self.assertTrue(payable.reconciled, "the payment settles the refund owed")
        self.lease.invalidate_recordset()
        self.assertEqual(self.lease.deposit_refunded, 10000.0)
        self.assertEqual(self.lease.deposit_held, 0.0)
        ledger = self.env["mall.deposit.ledger"].search([("lease_id", "=", self.lease.id)])
        self.assertEqual(set(ledger.mapped("kind")), {"invoice", "refund"})

    def test_termination_offsets_arrears_and_refunds_the_rest(self):
        deposit = self._bill(self.lease, [("DEPOSIT_LEASE", 10000.0)])
        self._pay(deposit)
        rent = self._bill(self.lease, [("RENT", 2000.0)])
        manager = (
            self.env["res.users"]
            .with_context(no_reset_password=True)
            .create(
                {
                    "login": "dep_manager",
                    "name": "经理",
                    "group_ids": [
                        (
                            6,
                            0,
                            [
                                self.env.ref("mall_leasing.group_leasing_manager").id,
                                self.env.ref("mall_leasing.group_finance_user").id,
                            ],
                        )
                    ],
                }
            )
        )
        bank = self.env["account.journal"].search(
            [
                *self.env["account.journal"]._check_company_domain(self.env.company),
                ("type", "=", "bank"),
            ],
            limit=1,
        )
        wizard = (
            self.env["mall.lease.terminate.wizard"]
            .with_user(manager)
            .create(
                {
                    "lease_id": self.lease.id,
                    "termination_date": date(2026, 6, 30),
                    "reason": "商户经营不善提前退租",
                    "refund_deposits": True,
                    "refund_journal_id": bank.id,
                }
            )
        )
        self.assertTrue(wizard.offset_deposits, "finance staff offset by default")
        wizard.action_confirm()
        self.assertEqual(self.lease.state, "terminated")
        self.assertEqual(rent.payment_state, "paid")
        self.lease.invalidate_recordset()
        self.assertAlmostEqual(self.lease.deposit_refunded, 10000.0 - rent.amount_total)
        self.assertEqual(self.lease.deposit_held, 0.0)

    def test_only_finance_staff_move_deposits(self):
        deposit = self._bill(self.lease, [("DEPOSIT_LEASE", 10000.0)])
        self._pay(deposit)
        with self.assertRaises(AccessError):
            self.lease.with_user(self.clerk)._deposit_refund()
        # leasing staff still read what is held
        self.assertEqual(self.lease.with_user(self.clerk).deposit_held, 10000.0)

    def test_leasing_staff_read_the_deposit_ledger_and_tenants_do_not(self):
        deposit = self._bill(self.lease, [("DEPOSIT_LEASE", 10000.0)])
        self._pay(deposit)
        self.env.flush_all()
        ledger = (
            self.env["mall.deposit.ledger"]
            .with_user(self.clerk)
            .search([("lease_id", "=", self.lease.id)])
        )
        self.assertEqual(ledger.mapped("amount_held"), [10000.0])
        portal = (
            self.env["res.users"]
            .with_context(no_reset_password=True)
            .create(
                {
                    "login": "dep_portal",
                    "name": "商户",
                    "group_ids": [(6, 0, [self.env.ref("base.group_portal").id])],
                }
            )
        )
        with self.assertRaises(AccessError):
            self.env["mall.deposit.ledger"].with_user(portal).search([])
