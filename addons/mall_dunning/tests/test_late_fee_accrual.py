from datetime import date

from odoo.tests import tagged

from .notice_common import NoticeCase


@tagged("post_install", "-at_install")
class TestLateFeeAccrual(NoticeCase):
    """Late fees (滞纳金) on real overdue invoices, end to end: accrued by the daily run,
    put on the receivable schedule, stopped by the payment."""

    def _late_fee_receivables(self, move):
        return move.mall_late_fee_receivable_ids.filtered(lambda r: r.state != "cancelled")

    def test_late_fee_grows_daily_after_the_grace_days_and_stops_when_paid(self):
        move = self._invoice(self.lease, date(2026, 3, 1), [(self.rent, 12345.67)])
        self._run_dunning(date(2026, 3, 6))
        self.assertEqual(move.mall_late_fee, 0.0, "within the 5 grace days")
        self.assertFalse(self._late_fee_receivables(move))

        self._run_dunning(date(2026, 3, 11))
        # 10 days late, 5 of grace: 5 × 0.05 % × 12 345.67 = 30.864… → 30.86
        self.assertEqual(move.mall_late_fee, 30.86)
        receivable = self._late_fee_receivables(move)
        self.assertRecordValues(
            receivable,
            [
                {
                    "source": "late_fee",
                    "charge_type_id": self.env.ref("mall_billing.charge_type_late_fee").id,
                    "lease_id": self.lease.id,
                    "partner_id": self.tenant.id,
                    "amount": 30.86,
                    "state": "planned",
                    "period_start": date(2026, 3, 2),
                    "period_end": date(2026, 3, 11),
                }
            ],
        )

        self._run_dunning(date(2026, 3, 21))
        # 15 days: 92.592… → 92.59, on the same planned receivable
        self.assertEqual(self._late_fee_receivables(move).amount, 92.59)
        self.assertEqual(len(self._late_fee_receivables(move)), 1)

        self._pay(move, 12345.67, date(2026, 3, 25))
        self._run_dunning(date(2026, 4, 10))
        # paid on day 24: 19 days × 0.05 % × 12 345.67 = 117.283… → 117.28, then final
        self.assertEqual(move.mall_late_fee, 117.28)
        self.assertTrue(move.mall_late_fee_frozen)
        self.assertEqual(move.mall_late_fee_date, date(2026, 3, 25))
        self._run_dunning(date(2026, 5, 10))
        self.assertEqual(self._late_fee_receivables(move).amount, 117.28)

    def test_late_fee_is_capped(self):
        move = self._invoice(self.lease, date(2024, 1, 1), [(self.rent, 10000.0)])
        self._run_dunning(date(2026, 6, 1))
        self.assertEqual(move.mall_late_fee, 3000.0, "30 % of the overdue amount at most")

    def test_partial_payment_stops_the_fee_on_the_paid_part(self):
        move = self._invoice(self.lease, date(2026, 3, 1), [(self.rent, 10000.0)])
        self._pay(move, 4000.0, date(2026, 3, 11))
        self._run_dunning(date(2026, 3, 21))
        # 4 000 for 5 days (10.00) + 6 000 still open for 15 days (45.00)
        self.assertEqual(move.mall_late_fee, 55.0)

    def test_without_a_lease_rule_each_charge_uses_its_own_and_deposits_bear_none(self):
        self.lease.late_fee_rate = 0.0
        self.property_fee.write(
            {"late_fee_daily_rate": 0.001, "late_fee_grace_days": 0, "late_fee_cap_percent": 10}
        )
        move = self._invoice(
            self.lease,
            date(2026, 3, 1),
            [(self.rent, 10000.0), (self.property_fee, 2000.0), (self.deposit, 5000.0)],
        )
        self._run_dunning(date(2026, 3, 11))
        # rent: 5 days beyond grace × 0.05 % × 10 000 = 25.00; property: 10 days × 0.1 %
        # × 2 000 = 20.00; deposit: nothing
        self.assertEqual(move.mall_late_fee, 45.0)

    def test_billing_run_bills_the_late_fee_and_further_fee_goes_on_a_new_receivable(self):
        move = self._invoice(self.lease, date(2026, 3, 1), [(self.rent, 10000.0)])
        self._run_dunning(date(2026, 3, 11))
        first = self._late_fee_receivables(move)
        self.assertEqual(first.amount, 25.0)
        run = self.env["mall.billing.run"].create(
            {"period": "2026-03-01", "partner_id": self.tenant.id}
        )
        run.action_post()
        late_fee_invoice = first.move_id
        self.assertEqual(first.state, "invoiced")
        self.assertEqual(late_fee_invoice.state, "posted")
        self.assertEqual(late_fee_invoice.amount_total, 25.0)
        self.assertEqual(
            late_fee_invoice.invoice_line_ids.product_id,
            self.env.ref("mall_billing.charge_type_late_fee").product_id,
        )

        self._run_dunning(date(2026, 3, 21))
        second = self._late_fee_receivables(move) - first
        self.assertRecordValues(
            second,
            [
                {
                    "amount": 50.0,
                    "period_start": date(2026, 3, 12),
                    "period_end": date(2026, 3, 21),
                    "state": "planned",
                }
            ],
        )
        self.assertEqual(first.amount, 25.0)
        # no late fee on a late fee (不计复利)
        self.assertEqual(late_fee_invoice.mall_late_fee, 0.0)
