from .common import MeterReceivableCase


class TestMeterHandover(MeterReceivableCase):
    """A tenant pays only the consumption of its own lease: a lease starting or ending inside
    a reading's period splits it at a handover reading (交接读数), entered or estimated by
    days; the vacant part is not billed."""

    def _gross(self, receivables, kwh):
        tax = receivables[:1].charge_type_id._get_sale_tax()
        net = round(kwh * 1.05, 2)
        return round(net + round(net * (tax.amount / 100 if tax else 0.0), 2), 2)

    def _metered(self, lease):
        return [
            (str(r.period_start), str(r.period_end), r.amount, r.name)
            for r in lease.receivable_ids.filtered(
                lambda r: r.source == "meter" and r.state != "cancelled"
            ).sorted("period_start")
        ]

    def test_a_lease_from_the_16th_pays_from_the_estimated_handover_reading(self):
        lease = self._lease(start="2026-01-16")
        # 10 a day (× 2 = 20 kWh a day) over January and February
        readings = self._readings(self.meter, [1000.0, 1310.0, 1590.0])
        created = readings._create_receivables()
        handover = self.meter.reading_ids.filtered("is_estimated")
        self.assertEqual((str(handover.date), handover.value), ("2026-01-16", 1150.0))
        self.assertEqual(handover.reading_type, "handover")
        metered = self._metered(lease)
        self.assertEqual(
            [m[:3] for m in metered],
            [
                ("2026-01-16", "2026-01-31", self._gross(created, 320)),
                ("2026-02-01", "2026-02-28", self._gross(created, 560)),
            ],
        )
        self.assertIn("2026-01-16", metered[0][3])
        self.assertIn("1150.0", metered[0][3])
        self.assertNotIn("1150.0", metered[1][3])
        self.assertEqual(created.lease_id, lease, "the vacant half of January is not billed")

    def test_an_entered_handover_reading_is_used_as_it_is(self):
        lease = self._lease(start="2026-01-16")
        readings = self._readings(self.meter, [1000.0, 1310.0])
        self.env["mall.meter.reading"].create(
            {
                "meter_id": self.meter.id,
                "date": "2026-01-16",
                "value": 1200.0,
                "reading_type": "handover",
            }
        )
        created = readings._create_receivables()
        self.assertFalse(self.meter.reading_ids.filtered("is_estimated"))
        self.assertEqual(
            [m[:3] for m in self._metered(lease)],
            [("2026-01-16", "2026-01-31", self._gross(created, 220))],
        )

    def test_each_tenant_pays_its_own_part_across_a_tenant_change(self):
        first = self._lease(start="2025-06-01", end="2026-01-15")
        second = self._lease(start="2026-01-16", tenant=self.other_tenant)
        created = self._readings(self.meter, [1000.0, 1310.0])._create_receivables()
        self.assertEqual(
            [m[:3] for m in self._metered(first)],
            [("2026-01-01", "2026-01-15", self._gross(created, 300))],
        )
        self.assertEqual(
            [m[:3] for m in self._metered(second)],
            [("2026-01-16", "2026-01-31", self._gross(created, 320))],
        )
