from .common import MeterReceivableCase


class TestMeterBilling(MeterReceivableCase):
    def test_meter_consumption_becomes_a_receivable_with_vat(self):
        lease = self._lease(start="2026-01-01")
        self._readings(self.meter, [1000.0, 1500.0])  # × 2 = 1,000 kWh at 1.05
        readings = self.meter.reading_ids
        created = readings._create_receivables()
        self.assertEqual(len(created), 1)
        tax = self.env["mall.charge.type"].browse(created.charge_type_id.id)._get_sale_tax()
        net = 1050.0
        expected = round(net + round(net * (tax.amount if tax else 0) / 100, 2), 2)
        self.assertEqual(
            (
                created.lease_id,
                str(created.period_start),
                str(created.period_end),
                str(created.due_date),
                created.amount,
            ),
            (lease, "2026-01-01", "2026-01-31", "2026-02-05", expected),
        )
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
        common = self.env["mall.meter"].create(
            {
                "code": "E-1F-公区",
                "kind": "electricity",
                "mall_id": self.mall.id,
                "floor_id": self.floor.id,
                "is_common": True,
                "share_scope": "floor",
                "unit_price": 1.0,
            }
        )
        self.env["mall.meter.reading"].create(
            [
                {"meter_id": common.id, "date": "2026-01-01", "value": 0.0},
                {"meter_id": common.id, "date": "2026-02-01", "value": 1000.0},
            ]
        )
        created = common.reading_ids._create_receivables()
        tax = created.charge_type_id._get_sale_tax()
        rate = tax.amount / 100 if tax else 0.0

        def gross(net):
            return round(net + round(net * rate, 2), 2)

        by_lease = {r.lease_id: r.amount for r in created}
        # 1,000.00 over three units of 100 m²: 333.34 + 333.33 + 333.33; the third is vacant
        self.assertEqual(by_lease, {first: gross(333.34), second: gross(333.33)})
