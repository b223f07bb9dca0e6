from odoo.exceptions import AccessError

from .common import ReceivableCase


class TestReceivableSchedule(ReceivableCase):
    def test_rent_is_prorated_by_days_and_free_months_are_not_planned(self):
        lease = self._lease(
            rent_free_ids=[(0, 0, {"date_from": "2026-02-01", "date_to": "2026-02-28"})]
        )
        rent = self._amounts(lease)
        # 17 of 31 days of January, due on the start day (in advance, never before the start)
        self.assertEqual(rent[0], ("2026-01-15", "2026-01-31", "2026-01-15", 16451.61))
        # February is rent-free: nothing planned; March in full, due on the 5th
        self.assertEqual(rent[1], ("2026-03-01", "2026-03-31", "2026-03-05", 30000.0))
        self.assertEqual(len(rent), 11)

    def test_escalation_raises_the_rent_on_the_anniversary(self):
        lease = self._lease(
            start="2026-01-01", end="2027-12-31", escalation_rate=5.0, escalation_months=12
        )
        rent = {r[0]: r[3] for r in self._amounts(lease)}
        self.assertEqual(rent["2026-12-01"], 30000.0)
        self.assertEqual(rent["2027-01-01"], 31500.0)

    def test_fees_are_grouped_by_calendar_quarter_and_deposits_due_at_start(self):
        lease = self._lease(
            fees=[("property", 28.0, "quarterly")], deposit_lease=90000.0, payment_cycle="quarterly"
        )
        fees = self._amounts(lease, "property")
        # January 15–31 prorated (1,535.48) plus February and March (2,800 each)
        self.assertEqual(fees[0], ("2026-01-15", "2026-03-31", "2026-01-15", 7135.48))
        self.assertEqual(fees[1], ("2026-04-01", "2026-06-30", "2026-04-05", 8400.0))
        self.assertEqual(len(fees), 4)
        rent = self._amounts(lease)
        self.assertEqual(rent[0][3], 16451.61 + 60000.0)
        deposit = self._amounts(lease, "deposit_lease", "deposit")
        self.assertEqual(deposit, [("2026-01-15", "2026-01-15", "2026-01-15", 90000.0)])

    def test_rent_in_arrears_is_due_the_month_after(self):
        lease = self._lease(payment_timing="arrears", due_day=28)
        rent = self._amounts(lease)
        self.assertEqual(rent[1][:3], ("2026-02-01", "2026-02-28", "2026-03-28"))
        self.assertEqual(rent[0][2], "2026-02-28")

    def test_periods_before_the_billing_start_date_are_not_planned(self):
        self.env.company.mall_billing_start_date = "2026-06-01"
        lease = self._lease()
        self.assertEqual(self._amounts(lease)[0][0], "2026-06-01")

    def test_amendment_replans_only_future_planned_receivables(self):
        lease = self._lease(start="2026-01-01")
        january = lease.receivable_ids.filtered(lambda r: r.period_start.month == 1)
        january.move_id = self._invoice_stub(lease)
        amendment = self.env["mall.lease.amendment"].create(
            {
                "lease_id": lease.id,
                "name": "调租",
                "date": "2026-07-01",
                "description": "<p>+10 %</p>",
                "rent_change_pct": 10.0,
            }
        )
        amendment.action_apply()
        rent = {r[0]: r[3] for r in self._amounts(lease)}
        self.assertEqual(rent["2026-01-01"], 30000.0)  # invoiced: untouched
        self.assertEqual(rent["2026-06-01"], 30000.0)  # before the amendment: untouched
        self.assertEqual(rent["2026-07-01"], 33000.0)
        self.assertEqual(len(rent), 12)
        cancelled = lease.receivable_ids.filtered(lambda r: r.state == "cancelled")
        self.assertEqual(len(cancelled), 6)

    def test_termination_cancels_later_periods_and_prorates_the_last(self):
        lease = self._lease(start="2026-01-01")
        manager = self._make_user("billing_lease_manager", ["mall_leasing.group_leasing_manager"])
        lease.with_user(manager).action_terminate("2026-04-10", "撤场")
        rent = self._amounts(lease)
        self.assertEqual(rent[-1], ("2026-04-01", "2026-04-10", "2026-04-05", 10000.0))
        self.assertEqual(len(rent), 4)

    def test_termination_penalty_becomes_a_receivable_due_on_the_exit_day(self):
        lease = self._lease(start="2026-01-01")
        manager = self._make_user("billing_penalty_manager", ["mall_leasing.group_leasing_manager"])
        lease.with_user(manager).action_terminate("2026-04-10", "提前撤场", penalty=30000.005)
        penalty = lease.receivable_ids.filtered(lambda r: r.charge_type_id.code == "PENALTY")
        self.assertEqual(len(penalty), 1)
        self.assertEqual(
            (penalty.amount, str(penalty.due_date), penalty.state),
            (30000.01, "2026-04-10", "planned"),
        )

    def test_leasing_user_reads_receivables_but_cannot_bill(self):
        lease = self._lease()
        clerk = self._make_user("billing_clerk", ["mall_leasing.group_leasing_user"])
        self.assertTrue(lease.receivable_ids.with_user(clerk).read(["amount"]))
        with self.assertRaises(AccessError):
            self.env["mall.billing.run"].with_user(clerk).create({"period": "2026-03-01"})

    def test_tenant_sees_only_its_own_receivables(self):
        mine = self._lease()
        theirs = self._lease(unit=self.units[1], tenant=self.other_tenant)
        contact = self.env["res.partner"].create(
            {"name": "王小明", "parent_id": self.tenant.id, "email": "w@example.com"}
        )
        portal = self._make_user("billing_portal", ["base.group_portal"])
        portal.partner_id = contact
        visible = self.env["mall.receivable"].with_user(portal).search([])
        self.assertEqual(visible, mine.receivable_ids.filtered(lambda r: r.state != "x"))
        self.assertFalse(visible & theirs.receivable_ids)

    def _invoice_stub(self, lease):
        return self.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": lease.tenant_id.id,
                "invoice_line_ids": [(0, 0, {"name": "x", "price_unit": 1.0})],
            }
        )
