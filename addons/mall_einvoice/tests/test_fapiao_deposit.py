"""A deposit (保证金) is no taxable revenue (issue 13, item 3): an invoice that bills only
deposit charges never gets a fapiao request, whether the company issues on posting, on payment
or by hand, and is not listed among the paid invoices without fapiao."""

import ast

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import TransactionCase, tagged

from .common import FapiaoCaseMixin


@tagged("post_install", "-at_install")
class TestFapiaoDeposit(FapiaoCaseMixin, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_fapiao()
        cls.deposit = cls.env["product.product"].create(
            {"name": "租赁保证金", "taxes_id": [Command.clear()]}
        )
        cls.env["mall.charge.type"].create(
            {
                "name": "租赁保证金",
                "code": f"FPDEP-{cls.__name__}",
                "category": "deposit",
                "billing_cycle": "one_off",
                "is_deposit": True,
                "product_id": cls.deposit.id,
            }
        )

    def _paid_without_fapiao(self):
        action = self.env.ref("mall_einvoice.action_invoices_paid_without_fapiao")
        return self.env["account.move"].search(ast.literal_eval(action.domain))

    def test_deposit_invoice_gets_no_fapiao_on_posting(self):
        self.company.mall_fapiao_trigger = "post"
        deposit = self._invoice([(self.deposit, 1, 30000)])
        rent = self._invoice([(self.rent, 1, 10000)])
        self.assertTrue(deposit.mall_fapiao_exempt)
        self.assertFalse(rent.mall_fapiao_exempt, "rent is revenue: it gets a fapiao")
        jobs = self._jobs("_job_mall_fapiao_request")
        self.assertEqual([job.records for job in jobs], [rent], "one job: the rent's")
        self._run_jobs(rounds=1)
        self.assertFalse(deposit.mall_fapiao_ids)
        self.assertTrue(rent.mall_fapiao_ids)

    def test_deposit_invoice_gets_no_fapiao_on_payment_nor_waits_for_one(self):
        self.company.mall_fapiao_trigger = "payment"
        deposit = self._invoice([(self.deposit, 1, 30000)])
        self._pay(deposit)
        self.assertIn(deposit.payment_state, ("paid", "in_payment"))
        self.assertFalse(self._jobs("_job_mall_fapiao_request"))
        self.assertFalse(deposit.mall_fapiao_ids)
        self.assertNotIn(deposit, self._paid_without_fapiao())

    def test_paid_deposit_is_not_listed_without_fapiao_but_paid_rent_is(self):
        deposit = self._invoice([(self.deposit, 1, 30000)])
        rent = self._invoice([(self.rent, 1, 10000)])
        self._pay(deposit)
        self._pay(rent)
        found = self._paid_without_fapiao()
        self.assertNotIn(deposit, found)
        self.assertIn(rent, found)

    def test_deposit_fapiao_cannot_be_requested_by_hand(self):
        deposit = self._invoice([(self.deposit, 1, 30000)])
        with self.assertRaises(UserError) as caught:
            deposit.with_context(lang="zh_CN").action_mall_request_fapiao()
        self.assertIn("收据", str(caught.exception))
        self.assertFalse(deposit.mall_fapiao_ids)

    def test_invoice_of_a_deposit_and_rent_still_gets_its_fapiao(self):
        move = self._invoice([(self.deposit, 1, 30000), (self.rent, 1, 10000)])
        self.assertFalse(move.mall_fapiao_exempt)
