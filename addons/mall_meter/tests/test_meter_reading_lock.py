from odoo.exceptions import AccessError, UserError

from .common import MeterReceivableCase


class TestMeterReadingLock(MeterReceivableCase):
    """A billed period is billed once: billed readings are locked, a reading cannot be added
    inside a billed period, a wrong billed reading is corrected by a credit note and a rebill."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.finance = cls._make_user("meter_lock_fin", ["mall_leasing.group_finance_user"])

    def _billed(self):
        """A lease from January, readings of Jan 1, Feb 1 and Mar 1 billed: two periods."""
        lease = self._lease(start="2026-01-01")
        readings = self._readings(self.meter, [1000.0, 1500.0, 1900.0])
        created = readings._create_receivables()
        self.assertEqual(len(created), 2)
        return lease, readings, created

    def _gross(self, receivables, kwh):
        """What the tenant pays for ``kwh`` at 1.05 a kWh, VAT included."""
        tax = receivables[:1].charge_type_id._get_sale_tax()
        net = round(kwh * 1.05, 2)
        return round(net + round(net * (tax.amount / 100 if tax else 0.0), 2), 2)

    def _invoice(self, period="2026-03-01"):
        run = self.env["mall.billing.run"].create({"period": period, "mall_id": self.mall.id})
        run.action_post()
        return run

    def test_a_backdated_reading_in_a_billed_period_is_refused(self):
        lease, _readings, created = self._billed()
        with self.assertRaisesRegex(UserError, "correction"):
            self._readings(self.meter, [2000.0], start_month=4).write({"date": "2026-01-20"})
        with self.assertRaisesRegex(UserError, "correction"):
            self.env["mall.meter.reading"].create(
                {"meter_id": self.meter.id, "date": "2026-01-20", "value": 1200.0}
            )
        self.env["mall.meter.reading"].search([])._create_receivables()
        metered = lease.receivable_ids.filtered(lambda r: r.source == "meter")
        april = self.env["mall.meter.reading"].search(
            [("meter_id", "=", self.meter.id), ("date", "=", "2026-04-01")]
        )
        self.assertEqual(metered - created, april.receivable_ids, "nothing more for January")
        self.assertEqual(str(april.receivable_ids.period_start), "2026-03-01")

    def test_a_late_reading_after_the_billed_ones_is_billed_once(self):
        lease, _readings, created = self._billed()
        late = self.env["mall.meter.reading"].create(
            {"meter_id": self.meter.id, "date": "2026-04-01", "value": 2300.0}
        )
        new = self.env["mall.meter.reading"].search([])._create_receivables()
        self.assertEqual(new.reading_id, late)
        self.assertEqual((str(new.period_start), str(new.period_end)), ("2026-03-01", "2026-03-31"))

    def test_the_import_of_a_reading_in_a_billed_period_is_refused_on_its_line(self):
        self._billed()
        results = self.env["mall.meter.reading"]._import_rows(
            [{"meter": "E-B-001", "date": "2026-02-15", "value": 1700}]
        )
        self.assertEqual(results[0]["status"], "error")
        self.assertIn("correction", results[0]["message"])

    def test_a_billed_reading_is_locked_with_a_chinese_message(self):
        _lease, readings, _created = self._billed()
        billed = readings[1].with_user(self.finance).with_context(lang="zh_CN")
        self.assertTrue(billed.is_billed)
        with self.assertRaisesRegex(UserError, "已计费"):
            billed.write({"value": 1600.0})
        with self.assertRaisesRegex(UserError, "已计费"):
            billed.unlink()
        self.assertEqual(readings[1].value, 1500.0)
        self.assertFalse(readings[0].is_billed, "the first reading bills nothing")

    def test_a_planned_receivable_is_replanned_by_the_correction(self):
        lease, readings, created = self._billed()
        readings[1].with_user(self.finance)._correct(1400.0, "抄表员看错一位数")
        self.assertEqual(set(created.mapped("state")), {"cancelled"})
        metered = lease.receivable_ids.filtered(
            lambda r: r.source == "meter" and r.state != "cancelled"
        ).sorted("period_start")
        # Jan: (1400 − 1000) × 2 = 800 kWh, Feb: (1900 − 1400) × 2 = 1000 kWh
        self.assertEqual(
            metered.mapped("amount"), [self._gross(metered, 800), self._gross(metered, 1000)]
        )
        self.assertIn("抄表员看错一位数", self.meter.message_ids[0].body)

    def test_an_invoiced_reading_is_credited_and_billed_again(self):
        lease, readings, created = self._billed()
        self._invoice()
        january = created.sorted("period_start")[0]
        self.assertEqual(january.state, "invoiced")
        invoice = january.move_id
        wizard = (
            self.env["mall.meter.reading.correction"]
            .with_user(self.finance)
            .with_context(active_id=readings[1].id)
            .create({"value": 1400.0, "reason": "表计更换后读数有误"})
        )
        action = wizard.action_correct()
        credit_notes = self.env["account.move"].search(action["domain"])
        self.assertEqual(len(credit_notes), 2, "January's and February's invoices are credited")
        credit = credit_notes.filtered(lambda m: m.reversed_entry_id == invoice)
        self.assertEqual(credit.move_type, "out_refund")
        self.assertEqual(credit.state, "posted")
        self.assertEqual(credit.amount_total, january.amount, "only the metered line")
        self.assertEqual(january.state, "cancelled")
        self.assertEqual(january.credit_move_id, credit)
        rebilled = lease.receivable_ids.filtered(
            lambda r: r.source == "meter" and r.state == "planned"
        )
        self.assertEqual(len(rebilled), 2)
        self.assertEqual(
            rebilled.sorted("period_start").mapped("amount"),
            [self._gross(rebilled, 800), self._gross(rebilled, 1000)],
        )
        self.assertIn("表计更换后读数有误", lease.message_ids[0].body)
        self.assertEqual(readings[1].value, 1400.0)

    def test_a_correction_needs_a_reason_and_a_finance_user(self):
        _lease, readings, _created = self._billed()
        with self.assertRaises(UserError):
            readings[1].with_user(self.finance)._correct(1400.0, "  ")
        engineer = self._make_user("meter_lock_eng", ["mall_leasing.group_engineering_user"])
        with self.assertRaises(AccessError):
            readings[1].with_user(engineer)._correct(1400.0, "看错")
        self.assertEqual(readings[1].value, 1500.0)
