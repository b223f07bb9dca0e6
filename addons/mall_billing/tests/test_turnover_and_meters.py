from .common import ReceivableCase


class TestTurnoverAndMeters(ReceivableCase):

    def _declare(self, lease, amount, month="2026-03-01"):
        sales = self.env["mall.lease.sales"].create(
            {"lease_id": lease.id, "month": month, "amount": amount})
        sales.action_confirm()
        return sales

    def test_higher_of_minimum_and_percentage_bills_only_the_excess(self):
        lease = self._lease(rent_mode="higher", turnover_rate=10.0)
        low = self._declare(lease, 250000.0)
        self.assertEqual((low.fixed_rent, low.turnover_rent, low.amount_due),
                         (30000.0, 30000.0, 0.0))
        self.assertFalse(low.receivable_id)
        high = self._declare(lease, 400000.0, month="2026-04-20")
        self.assertEqual(high.amount_due, 10000.0)
        receivable = high.receivable_id
        self.assertEqual((str(receivable.period_start), str(receivable.due_date),
                          receivable.source, receivable.amount),
                         ("2026-04-01", "2026-05-05", "turnover", 10000.0))
        # the tenant pays exactly the higher of the two that month
        april = sum(lease.receivable_ids.filtered(
            lambda r: r.period_start.month == 4 and r.category == "rent").mapped("amount"))
        self.assertEqual(april, 40000.0)

    def test_stepped_rates_apply_the_band_reached_to_all_sales(self):
        lease = self._lease(rent_mode="stepped", price=100.0, band_ids=[
            (0, 0, {"sales_from": 0.0, "rate": 5.0}),
            (0, 0, {"sales_from": 500000.0, "rate": 8.0})])
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

    def test_meter_consumption_becomes_a_receivable_with_vat(self):
        lease = self._lease(start="2026-01-01")
        self._readings(self.meter, [1000.0, 1500.0])  # × 2 = 1,000 kWh at 1.05
        readings = self.meter.reading_ids
        created = readings._create_receivables()
        self.assertEqual(len(created), 1)
        tax = self.env["mall.charge.type"].browse(created.charge_type_id.id)._get_sale_tax()
        net = 1050.0
        expected = round(net + round(net * (tax.amount if tax else 0) / 100, 2), 2)
        self.assertEqual((created.lease_id, str(created.period_start), str(created.period_end),
                          str(created.due_date), created.amount),
                         (lease, "2026-01-01", "2026-01-31", "2026-02-05", expected))
        self.assertFalse(readings._create_receivables(), "a reading is billed once")

    def test_flagged_readings_are_not_billed_until_confirmed(self):
        self._lease(start="2026-01-01")
        readings = self._readings(self.meter, [1000.0, 900.0])
        self.assertEqual(readings[1].state, "flagged")
        self.assertFalse(readings._create_receivables())
        readings[1].action_confirm()
        self.assertFalse(readings._create_receivables(), "a lower reading consumes nothing")

    def test_common_meter_is_shared_by_area_and_vacant_shares_are_not_billed(self):
        first = self._lease(start="2026-01-01")
        second = self._lease(unit=self.units[1], start="2026-01-01", tenant=self.other_tenant)
        common = self.env["mall.meter"].create({
            "code": "E-1F-公区", "kind": "electricity", "mall_id": self.mall.id,
            "floor_id": self.floor.id, "is_common": True, "share_scope": "floor",
            "unit_price": 1.0})
        self.env["mall.meter.reading"].create([
            {"meter_id": common.id, "date": "2026-01-01", "value": 0.0},
            {"meter_id": common.id, "date": "2026-02-01", "value": 1000.0}])
        created = common.reading_ids._create_receivables()
        tax = created.charge_type_id._get_sale_tax()
        rate = tax.amount / 100 if tax else 0.0

        def gross(net):
            return round(net + round(net * rate, 2), 2)

        by_lease = {r.lease_id: r.amount for r in created}
        # 1,000.00 over three units of 100 m²: 333.34 + 333.33 + 333.33; the third is vacant
        self.assertEqual(by_lease, {first: gross(333.34), second: gross(333.33)})
