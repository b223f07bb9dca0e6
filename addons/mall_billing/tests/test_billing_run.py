from freezegun import freeze_time

from odoo.exceptions import AccessError

from .common import ReceivableCase


class TestBillingRun(ReceivableCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.finance = cls._make_user("billing_finance", ["mall_leasing.group_finance_user"])

    def _leases(self):
        return (
            self._lease(
                start="2026-01-01", fees=[("property", 28.0, "quarterly")], deposit_lease=90000.0
            )
            | self._lease(unit=self.units[1], start="2026-02-10", tenant=self.other_tenant)
            | self._lease(
                unit=self.units[2],
                start="2026-01-01",
                price=123.45,
                fees=[("marketing", 5.5, "monthly")],
            )
        )

    def _run(self, **vals):
        return (
            self.env["mall.billing.run"]
            .with_user(self.finance)
            .create({"period": "2026-03-01", "mall_id": self.mall.id, **vals})
        )

    def test_run_posts_one_invoice_per_lease_and_group_to_the_fen(self):
        leases = self._leases()
        run = self._run()
        run.action_preview()
        due = leases.receivable_ids.filtered(
            lambda r: r.state == "planned" and str(r.due_date) <= "2026-03-31"
        )
        self.assertEqual(run.state, "previewed")
        self.assertEqual((run.lease_count, run.receivable_count), (3, len(due)))
        self.assertAlmostEqual(run.amount_total, sum(due.mapped("amount")), places=2)
        run.action_post()
        self.assertEqual(run.state, "done")
        moves = run.move_ids
        self.assertTrue(all(m.state == "posted" and m.move_type == "out_invoice" for m in moves))
        self.assertEqual(set(due.mapped("state")), {"invoiced"})
        for move in moves:
            self.assertEqual(
                move.currency_id.compare_amounts(
                    move.amount_total, sum(move.mall_receivable_ids.mapped("amount"))
                ),
                0,
            )
            self.assertEqual(move.mall_lease_id, move.mall_receivable_ids.lease_id)
            categories = set(move.mall_receivable_ids.mapped("category"))
            self.assertTrue(
                categories <= {"rent"} or "rent" not in categories,
                "rent is on an invoice of its own",
            )
        # first lease: January–March rent due monthly, so 3 rent invoices, Q1 property fee on
        # January's, the deposit on its own (no tax, liability account)
        first = moves.filtered(lambda m: m.mall_lease_id == leases[0])
        deposit = first.filtered(lambda m: m.mall_receivable_ids.charge_type_id.is_deposit)
        self.assertEqual(deposit.amount_total, 90000.0)
        self.assertFalse(deposit.invoice_line_ids.tax_ids)
        self.assertEqual(
            deposit.invoice_line_ids.account_id,
            self.charges["deposit_lease"]._get_deposit_account(),
        )
        rent_jan = first.filtered(
            lambda m: (
                str(m.invoice_date_due) == "2026-01-05" and m.mall_receivable_ids.category == "rent"
            )
        )
        self.assertEqual(rent_jan.amount_total, 30000.0)
        if rent_jan.invoice_line_ids.tax_ids:
            self.assertEqual(rent_jan.amount_untaxed, 27522.94)  # 30,000 / 1.09

    def test_second_run_bills_nothing_again(self):
        self._leases()
        first = self._run()
        first.action_post()
        count = len(first.move_ids)
        second = self._run()
        second.action_post()
        self.assertEqual(second.invoice_count, 0)
        self.assertFalse(second.move_ids)
        self.assertEqual(
            self.env["account.move"].search_count([("mall_lease_id", "!=", False)]), count
        )

    def test_run_stopped_half_way_resumes_without_duplicates_or_gaps(self):
        leases = self._leases()
        expected = leases.receivable_ids.filtered(
            lambda r: r.state == "planned" and str(r.due_date) <= "2026-03-31"
        )
        run = self._run()
        run.action_preview()
        run.state = "running"
        # not assertRaises: it would roll back what the chunks before the crash did
        crashed = False
        try:
            run.with_context(mall_billing_crash_after=1)._execute(chunk_size=1)
        except RuntimeError:
            crashed = True
        self.assertTrue(crashed)
        # the first chunk (one lease) is billed, the one under way was rolled back
        billed = expected.filtered(lambda r: r.state == "invoiced")
        self.assertEqual(len(billed.lease_id), 1)
        self.assertEqual(run.state, "running")
        run._execute(chunk_size=1)
        self.assertEqual(run.state, "done")
        self.assertEqual(set(expected.mapped("state")), {"invoiced"})
        moves = self.env["account.move"].search([("mall_billing_run_id", "=", run.id)])
        self.assertEqual(moves.mall_receivable_ids, expected)
        self.assertEqual(
            len(moves), len({(r.lease_id, run._invoice_group(r), r.due_date) for r in expected})
        )

    def test_selection_by_tenant_bills_only_that_tenant(self):
        leases = self._leases()
        run = self._run(partner_id=self.other_tenant.id)
        run.action_post()
        self.assertEqual(run.move_ids.mall_lease_id, leases[1])

    def test_receivable_follows_payment_and_cancellation_of_its_invoice(self):
        lease = self._lease(start="2026-03-01", end="2026-03-31")
        run = self._run()
        run.action_post()
        move = run.move_ids
        receivable = lease.receivable_ids
        self.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=move.ids
        ).create({})._create_payments()
        self.assertEqual(receivable.state, "paid")
        move.line_ids.remove_move_reconcile()
        self.assertEqual(receivable.state, "invoiced")
        move.button_draft()
        move.button_cancel()
        self.assertEqual((receivable.state, receivable.move_id.id), ("planned", False))
        again = self._run()
        again.action_post()
        self.assertEqual(receivable.move_id, again.move_ids)

    def test_invoice_lines_carry_charge_products_and_included_taxes(self):
        lease = self._lease(
            start="2026-03-01", end="2026-03-31", fees=[("property", 28.0, "monthly")]
        )
        run = self._run()
        run.action_post()
        other = run.move_ids.filtered(lambda m: m.mall_receivable_ids.category == "fee")
        line = other.invoice_line_ids
        self.assertEqual(line.product_id, self.charges["property"].product_id)
        self.assertEqual(other.amount_total, 2800.0)
        if line.tax_ids:
            self.assertTrue(line.tax_ids.price_include)
            self.assertEqual(line.tax_ids.amount, 6.0)
        self.assertEqual(lease.receivable_ids.move_id, run.move_ids)

    def test_only_finance_posts_runs(self):
        clerk = self._make_user("billing_clerk2", ["mall_leasing.group_leasing_user"])
        with self.assertRaises(AccessError):
            self.env["mall.billing.run"].with_user(clerk).search([])

    def test_prepared_journal_items_equal_those_of_the_standard_path(self):
        lease = self._lease(
            start="2026-03-01",
            end="2026-03-31",
            price=123.45,
            fees=[
                ("property", 28.33, "monthly"),
                ("marketing", 5.55, "monthly"),
                ("air_conditioning", 7.77, "monthly"),
            ],
        )
        self.env.company.mall_billing_separate_rent = False
        run = self._run()
        receivables = lease.receivable_ids
        due = receivables[0].due_date
        fast = run._create_invoices([(lease, due, receivables)])
        standard = self.env["account.move"].create(
            run._prepare_invoice_vals(lease, due, receivables)
        )
        standard.action_post()

        def items(move):
            return sorted(
                (
                    line.display_type,
                    line.account_id.id,
                    line.balance,
                    line.amount_currency,
                    line.tax_repartition_line_id.id,
                    line.tax_base_amount,
                    tuple(line.tax_ids.ids),
                    tuple(line.tax_tag_ids.ids),
                    line.partner_id.id,
                    line.date_maturity or False,
                    line.product_id.id,
                    line.price_unit,
                    line.debit,
                    line.credit,
                    line.name if line.display_type != "payment_term" else line.name == move.name,
                    line.amount_residual,
                    len(line.analytic_line_ids),
                )
                for line in move.line_ids
            )

        self.assertEqual(items(fast), items(standard))
        self.assertEqual(
            (fast.amount_untaxed, fast.amount_tax, fast.amount_total),
            (standard.amount_untaxed, standard.amount_tax, standard.amount_total),
        )
        self.assertEqual(fast.amount_total, sum(receivables.mapped("amount")))
        self.assertEqual(fast.state, "posted")
        self.assertEqual(fast.amount_residual, fast.amount_total)

    def test_scheduled_action_bills_the_month_once_and_resumes_stopped_runs(self):
        self._lease(start="2026-01-01")
        stopped = self._run(period="2026-01-01")
        stopped.action_preview()
        stopped.state = "running"
        with freeze_time("2026-02-02"):
            self.env["mall.billing.run"]._cron_bill(commit=False)
            self.env["mall.billing.run"]._cron_bill(commit=False)
        automatic = self.env["mall.billing.run"].search([("automatic", "=", True)])
        self.assertEqual(
            (len(automatic), str(automatic.period), automatic.state), (1, "2026-02-01", "done")
        )
        self.assertEqual(stopped.state, "done")
        self.assertEqual(len((stopped | automatic).move_ids), 2)  # January, February
