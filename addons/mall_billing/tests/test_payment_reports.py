from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.exceptions import AccessError
from odoo.tests import TransactionCase

from .payment_common import LeaseInvoiceMixin


class TestPaymentReports(LeaseInvoiceMixin, TransactionCase):
    """Arrears aging, collection rate, rent roll and the payment credit factors, on two
    tenants: one pays on time, the other is months behind."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_mall("RPT")
        cls.good = cls._tenant("广州准时餐饮有限公司")
        cls.late = cls._tenant("深圳拖欠百货有限公司")
        cls.good_lease = cls._active_lease(
            cls.good,
            cls.units[0],
            price=150.0,
            fee_ids=[fields.Command.create({"fee_type": "property", "price": 20.0})],
        )
        cls.late_lease = cls._active_lease(cls.late, cls.units[1])
        today = fields.Date.context_today(cls.env["res.partner"])
        cls.today = today
        # the late tenant: four monthly bills of 1,000 (no tax) due 10, 40, 75 and 120 days ago
        cls.late_bills = cls.env["account.move"]
        for days in (10, 40, 75, 120):
            cls.late_bills |= cls._bill(
                cls.late_lease,
                [("RENT", 1000.0)],
                invoice_date=today - timedelta(days=days + 5),
                due=today - timedelta(days=days),
                untaxed=True,
            )
        # the good tenant: two bills, paid on their due date
        cls.good_bills = cls._bill(
            cls.good_lease,
            [("RENT", 2000.0)],
            invoice_date=today - timedelta(days=40),
            due=today - timedelta(days=35),
        )
        cls._pay(cls.good_bills, pay_date=today - timedelta(days=35))
        deposit = cls._bill(
            cls.good_lease,
            [("DEPOSIT_LEASE", 6000.0)],
            invoice_date=today - timedelta(days=60),
            due=today - timedelta(days=55),
        )
        cls._pay(deposit, pay_date=today - timedelta(days=56))

    def test_arrears_are_aged_in_thirty_day_buckets(self):
        self.env.flush_all()
        groups = dict(
            self.env["mall.arrears.aging.report"]._read_group(
                [("partner_id", "=", self.late.id)], ["bucket"], ["amount_residual:sum"]
            )
        )
        self.assertEqual(len(groups), 4)
        for bucket in ("0_30", "31_60", "61_90", "90_plus"):
            self.assertAlmostEqual(groups[bucket], 1000.0)
        self.assertFalse(
            self.env["mall.arrears.aging.report"].search([("partner_id", "=", self.good.id)]),
            "a tenant who paid has no arrears",
        )

    def test_collection_rate_is_collected_over_invoiced(self):
        Receivable = self.env["mall.receivable"]
        rent = self.env.ref("mall_billing.charge_type_rent")
        period = date(2026, 1, 1)
        vals = []
        for lease, bill in (
            (self.good_lease, self.good_bills),
            (self.late_lease, self.late_bills[0]),
        ):
            vals.append(
                {
                    "lease_id": lease.id,
                    "partner_id": lease.tenant_id.id,
                    "mall_id": self.mall.id,
                    "unit_id": lease.line_ids.unit_id.id,
                    "charge_type_id": rent.id,
                    "period_start": period,
                    "period_end": period + relativedelta(months=1, days=-1),
                    "due_date": bill.invoice_date_due,
                    "amount": bill.amount_total,
                    "state": "invoiced",
                    "move_id": bill.id,
                }
            )
        Receivable.create(vals)
        self.env.flush_all()
        Report = self.env["mall.receivable.report"]
        [(invoiced, collected, rate)] = Report._read_group(
            [("mall_id", "=", self.mall.id)],
            [],
            ["amount_invoiced:sum", "amount_collected:sum", "collection_rate:sum"],
        )
        self.assertAlmostEqual(invoiced, self.good_bills.amount_total + 1000.0)
        self.assertAlmostEqual(collected, self.good_bills.amount_total)
        self.assertAlmostEqual(rate, 100.0 * collected / invoiced)
        by_tenant = dict(
            Report._read_group(
                [("mall_id", "=", self.mall.id)], ["partner_id"], ["collection_rate:sum"]
            )
        )
        self.assertAlmostEqual(by_tenant[self.good], 100.0)
        self.assertAlmostEqual(by_tenant[self.late], 0.0)

    def test_rent_roll_lists_every_unit_with_its_lease(self):
        self.env.flush_all()
        rows = self.env["mall.rent.roll.report"].search([("mall_id", "=", self.mall.id)])
        self.assertEqual(len(rows), 3)
        good = rows.filtered(lambda row: row.unit_id == self.units[0])
        self.assertEqual(good.partner_id, self.good)
        self.assertEqual(good.monthly_rent, 15000.0)
        self.assertEqual(good.monthly_fees, 2000.0)
        self.assertEqual(good.deposit_held, 6000.0)
        late = rows.filtered(lambda row: row.unit_id == self.units[1])
        self.assertEqual(late.arrears, 4000.0)
        vacant = rows.filtered(lambda row: row.unit_id == self.units[2])
        self.assertEqual(vacant.occupancy, "vacant")
        self.assertFalse(vacant.partner_id)

    def test_payment_factors_reward_the_tenant_who_pays_on_time(self):
        factors = self.env.ref("mall_billing.credit_factor_on_time_payment") | self.env.ref(
            "mall_billing.credit_factor_arrears"
        )
        values = factors._compute_values(self.good | self.late)
        on_time = values[factors[0]]
        arrears = values[factors[1]]
        self.assertEqual(on_time[self.good.id][0], 100.0)
        self.assertEqual(on_time[self.late.id][0], 0.0)
        self.assertIn("0", on_time[self.late.id][1])
        self.assertEqual(arrears[self.good.id][0], 100.0)
        # 4,000 overdue against 4,000 billed in twelve months: far beyond three months
        self.assertEqual(arrears[self.late.id][0], 0.0)

    def test_leasing_staff_read_the_reports_and_tenants_do_not(self):
        self.env.flush_all()
        users = self.env["res.users"].with_context(no_reset_password=True)
        clerk = users.create(
            {
                "login": "rpt_clerk",
                "name": "招商",
                "group_ids": [(6, 0, [self.env.ref("mall_leasing.group_leasing_user").id])],
            }
        )
        portal = users.create(
            {
                "login": "rpt_portal",
                "name": "商户",
                "group_ids": [(6, 0, [self.env.ref("base.group_portal").id])],
            }
        )
        for model in (
            "mall.rent.roll.report",
            "mall.arrears.aging.report",
            "mall.receivable.report",
        ):
            self.env[model].with_user(clerk).search([])  # leasing staff may read
            with self.assertRaises(AccessError):
                self.env[model].with_user(portal).search([])
        self.assertEqual(
            self.env["mall.rent.roll.report"]
            .with_user(clerk)
            .search_count([("mall_id", "=", self.mall.id)]),
            3,
        )
