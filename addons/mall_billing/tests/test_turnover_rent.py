from .common import ReceivableCase


class TestTurnoverRent(ReceivableCase):
    def _declare(self, lease, amount, month="2026-03-01"):
        sales = self.env["mall.lease.sales"].create(
            {"lease_id": lease.id, "month": month, "amount": amount}
        )
        sales.action_confirm()
        return sales

    def test_higher_of_minimum_and_percentage_bills_only_the_excess(self):
        lease = self._lease(rent_mode="higher", turnover_rate=10.0)
        low = self._declare(lease, 250000.0)
        self.assertEqual(
            (low.fixed_rent, low.turnover_rent, low.amount_due), (30000.0, 30000.0, 0.0)
        )
        self.assertFalse(low.receivable_id)
        high = self._declare(lease, 400000.0, month="2026-04-20")
        self.assertEqual(high.amount_due, 10000.0)
        receivable = high.receivable_id
        self.assertEqual(
            (
                str(receivable.period_start),
                str(receivable.due_date),
                receivable.source,
                receivable.amount,
            ),
            ("2026-04-01", "2026-05-05", "turnover", 10000.0),
        )
        # the tenant pays exactly the higher of the two that month
        april = sum(
            lease.receivable_ids.filtered(
                lambda r: r.period_start.month == 4 and r.category == "rent"
            ).mapped("amount")
        )
        self.assertEqual(april, 40000.0)

    def test_stepped_rates_apply_the_band_reached_to_all_sales(self):
        lease = self._lease(
            rent_mode="stepped",
            price=100.0,
            band_ids=[
                (0, 0, {"sales_from": 0.0, "rate": 5.0}),
                (0, 0, {"sales_from": 500000.0, "rate": 8.0}),
            ],
        )
        self.assertEqual(self._declare(lease, 400000.0).amount_due, 10000.0)  # 20,000 − 10,000
        self.assertEqual(self._declare(lease, 600000.0, "2026-04-01").amount_due, 38000.0)

    def test_pure_turnover_rent_with_a_partial_first_month(self):
        lease = self._lease(rent_mode="turnover", turnover_rate=8.0)
        self.assertFalse(self._amounts(lease))
        sales = self._declare(lease, 123456.78, "2026-01-01")
        self.assertEqual(sales.amount_due, 9876.54)
        self.assertEqual(str(sales.receivable_id.period_start), "2026-01-15")

    def test_reset_declaration_cancels_its_planned_turnover_rent(self):
        lease = self._lease(rent_mode="turnover", turnover_rate=8.0)
        sales = self._declare(lease, 100000.0)
        receivable = sales.receivable_id
        sales.action_reset_draft()
        self.assertEqual(receivable.state, "cancelled")
        sales.amount = 200000.0
        sales.action_confirm()
        self.assertEqual(sales.receivable_id.amount, 16000.0)
