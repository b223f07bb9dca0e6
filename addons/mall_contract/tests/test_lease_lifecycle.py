from datetime import timedelta
from unittest.mock import patch

from odoo import fields
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import MallLeaseCase


@tagged("post_install", "-at_install")
class TestLeaseLifecycle(MallLeaseCase):
    def setUp(self):
        super().setUp()
        self.today = fields.Date.today()

    def _active(self, start_days=-400, end_days=400, units=None, **vals):
        lease = self._lease(
            units=units,
            start=self.today + timedelta(days=start_days),
            end=self.today + timedelta(days=end_days),
            **vals,
        )
        self._approved(lease)
        lease.state = "signing"
        lease._activate()
        return lease

    def _run_cron_on(self, day):
        with (
            patch.object(fields.Date, "context_today", lambda *a, **k: day),
            patch.object(fields.Date, "today", lambda *a, **k: day),
        ):
            self.env["mall.lease"]._cron_daily()

    def test_unit_follows_the_lease_through_the_dates(self):
        lease = self._active(
            start_days=10,
            end_days=500,
            date_handover=self.today + timedelta(days=10),
            date_opening=self.today + timedelta(days=40),
        )
        self.assertEqual(self.unit_a.state, "signed")
        self._run_cron_on(self.today + timedelta(days=10))
        self.assertEqual(self.unit_a.state, "fitting_out")
        self._run_cron_on(self.today + timedelta(days=40))
        self.assertEqual(self.unit_a.state, "open")
        self._run_cron_on(lease.date_end - timedelta(days=30))
        self.assertEqual(self.unit_a.state, "expiring")
        self.assertEqual(lease.state, "expiring")
        self._run_cron_on(lease.date_end + timedelta(days=1))
        self.assertEqual(lease.state, "expired")
        self.assertEqual(self.unit_a.state, "vacant")
        history = self.unit_a.state_history_ids.mapped("to_state")
        self.assertTrue({"signed", "fitting_out", "open", "expiring", "vacant"} <= set(history))

    def test_reminders_go_out_once_at_each_lead_time(self):
        lease = self._active(end_days=200)
        self._run_cron_on(lease.date_end - timedelta(days=95))
        self.assertFalse(lease.reminder_ids)
        self._run_cron_on(lease.date_end - timedelta(days=90))
        self.assertEqual(lease.reminder_ids.mapped("lead_days"), [90])
        activities = len(lease.activity_ids)
        messages = len(lease.message_ids)
        self.assertTrue(activities)
        self._run_cron_on(lease.date_end - timedelta(days=89))
        self.assertEqual(len(lease.reminder_ids), 1)
        self.assertEqual(len(lease.activity_ids), activities)
        self.assertEqual(len(lease.message_ids), messages)
        self._run_cron_on(lease.date_end - timedelta(days=60))
        self._run_cron_on(lease.date_end - timedelta(days=30))
        self._run_cron_on(lease.date_end - timedelta(days=30))
        self.assertEqual(sorted(lease.reminder_ids.mapped("lead_days")), [30, 60, 90])
        reminder = lease.message_ids.filtered(lambda m: "还有" in (m.body or ""))
        self.assertEqual(len(reminder), 3)
        self.assertIn(self.contact, reminder[0].partner_ids)
        self.assertIn(self.finance.partner_id, reminder[0].partner_ids)
        # Three ways: an activity for the responsible and finance, an email to the tenant's
        # contact, and a public message the tenant reads on the lease's portal page.
        self.assertEqual(len(lease.activity_ids), 2 * 3)
        self.assertIn(self.clerk, lease.activity_ids.user_id)
        self.assertTrue(
            lease.activity_ids.user_id.filtered(
                lambda u: u.has_group("mall_leasing.group_finance_manager")
            )
        )
        emails = self.env["mail.notification"].search(
            [("mail_message_id", "in", reminder.ids), ("res_partner_id", "=", self.contact.id)]
        )
        self.assertEqual(emails.mapped("notification_type"), ["email"] * 3)
        self.assertFalse(reminder.subtype_id.internal)
        portal_messages = lease.with_user(self.portal_user).message_ids.filtered(
            lambda m: "还有" in (m.body or "")
        )
        self.assertEqual(len(portal_messages), 3)

    def test_one_month_reminder_setting(self):
        self.env.company.mall_lease_reminder_days = "30"
        lease = self._active(end_days=200)
        self._run_cron_on(lease.date_end - timedelta(days=60))
        self.assertFalse(lease.reminder_ids)
        self._run_cron_on(lease.date_end - timedelta(days=30))
        self.assertEqual(lease.reminder_ids.mapped("lead_days"), [30])

    def test_bad_reminder_setting_is_refused(self):
        with self.assertRaisesRegex(Exception, "整数天数"):
            self.env.company.mall_lease_reminder_days = "90,soon"

    def test_early_termination_frees_the_units_from_the_end_date(self):
        lease = self._active()
        self.assertEqual(self.unit_a.state, "open")
        wizard = (
            self.env["mall.lease.terminate.wizard"]
            .with_user(self.manager)
            .create(
                {
                    "lease_id": lease.id,
                    "termination_date": self.today + timedelta(days=20),
                    "reason": "经营不善",
                    "penalty": 50000.0,
                    "notes": "保证金抵扣欠款",
                }
            )
        )
        wizard.action_confirm()
        self.assertEqual(lease.state, "terminated")
        self.assertEqual(self.unit_a.state, "moving_out")
        self.assertEqual(lease.line_ids.block_end, self.today + timedelta(days=20))
        # The unit may be leased again from the day after the termination.
        other = self._lease(
            tenant=self.other_tenant,
            start=self.today + timedelta(days=21),
            end=self.today + timedelta(days=400),
        )
        self.assertEqual(self._approved(other).state, "approved")
        self._run_cron_on(self.today + timedelta(days=21))
        self.assertEqual(self.unit_a.state, "vacant")

    def test_termination_guards(self):
        lease = self._active()
        with self.assertRaisesRegex(UserError, "租期内"):
            lease.with_user(self.manager).action_terminate(
                lease.date_end + timedelta(days=1), "原因"
            )
        with self.assertRaisesRegex(UserError, "原因"):
            lease.with_user(self.manager).action_terminate(self.today, "")
        with self.assertRaisesRegex(Exception, "招商经理"):
            lease.with_user(self.clerk).action_terminate(self.today, "原因")

    def test_renewal_copies_terms_and_keeps_the_unit_leased(self):
        lease = self._active(
            end_days=30,
            escalation_rate=3.0,
            fee_ids=[(0, 0, {"fee_type": "property", "price": 25.0})],
        )
        wizard = (
            self.env["mall.lease.renew.wizard"]
            .with_user(self.clerk)
            .create({"lease_id": lease.id, "rent_change_pct": 5.0})
        )
        self.assertIn("续签优先级", wizard.credit_policy)
        renewal = self.env["mall.lease"].browse(wizard.action_confirm()["res_id"])
        self.assertEqual(renewal.renewed_from_id, lease)
        self.assertEqual(renewal.date_start, lease.date_end + timedelta(days=1))
        self.assertEqual(renewal.line_ids.price, 315.0)
        self.assertEqual(renewal.fee_ids.price, 25.0)
        self.assertEqual(renewal.escalation_rate, 3.0)
        self._approved(renewal)
        renewal.state = "signing"
        renewal._activate()
        self._run_cron_on(lease.date_end + timedelta(days=1))
        self.assertEqual(lease.state, "expired")
        self.assertEqual(self.unit_a.state, "open")

    def test_amendment_keeps_the_old_terms_readable(self):
        lease = self._active()
        old_end = lease.date_end
        amendment = self.env["mall.lease.amendment"].create(
            {
                "lease_id": lease.id,
                "name": "延期补充协议",
                "description": "<p>延长一年</p>",
                "new_date_end": old_end + timedelta(days=365),
                "rent_change_pct": 10.0,
            }
        )
        amendment.action_apply()
        self.assertEqual(lease.date_end, old_end + timedelta(days=365))
        self.assertEqual(lease.line_ids.price, 330.0)
        self.assertEqual(lease.version, 2)
        self.assertIn(str(old_end), amendment.previous_terms)
        self.assertIn("300.00", amendment.previous_terms)
        with self.assertRaisesRegex(UserError, "已生效"):
            amendment.action_apply()

    def test_breaches_and_early_exits_lower_the_credit_factors(self):
        factors = self.env["mall.credit.factor"]
        lease = self._active()
        self.env["mall.lease.breach"].create(
            {"lease_id": lease.id, "description": "未按时开业", "date": self.today}
        )
        breaches = factors.search([("code", "=", "breaches")])
        exits = factors.search([("code", "=", "early_exits")])
        values = (breaches | exits)._compute_values(self.tenant)
        self.assertEqual(values[breaches][self.tenant.id][0], 75.0)
        self.assertEqual(values[exits][self.tenant.id][0], 100.0)
        lease.with_user(self.manager).action_terminate(self.today, "提前撤场")
        values = exits._compute_values(self.tenant)
        self.assertEqual(values[exits][self.tenant.id][0], 50.0)

    def test_floor_plan_shows_tenant_and_lease_end(self):
        lease = self._active()
        self.unit_a.invalidate_recordset()
        self.assertEqual(self.unit_a.tenant_id, self.tenant)
        self.assertEqual(self.unit_a.lease_end_date, lease.date_end)
        self.assertFalse(self.unit_b.tenant_id)

    def test_rent_analysis_by_mall_floor_type_and_state(self):
        floor2 = self.env["mall.floor"].create({"name": "2F", "level": 2, "mall_id": self.mall.id})
        unit_c = self._make_unit("2F-201", floor=floor2)
        lease = self._active(units=self.unit_a | unit_c)
        self._lease(units=self.unit_b, lease_type="temporary", price=100.0)
        by_floor = self.env["mall.lease.line"]._read_group(
            [("mall_id", "=", self.mall.id)],
            ["floor_id", "lease_type", "state"],
            ["monthly_rent:sum", "leasable_area:sum"],
        )
        self.assertEqual(
            {
                (floor.name, ltype, state): (rent, area)
                for floor, ltype, state, rent, area in by_floor
            },
            {
                ("1F", "standard", "active"): (30000.0, 100.0),
                ("2F", "standard", "active"): (30000.0, 100.0),
                ("1F", "temporary", "draft"): (10000.0, 100.0),
            },
        )
        by_state = dict(
            self.env["mall.lease"]._read_group(
                [("mall_id", "=", self.mall.id), ("state", "=", "active")],
                ["state"],
                ["total_rent:sum"],
            )
        )
        self.assertAlmostEqual(by_state["active"], lease.total_rent, places=2)
        self.assertGreater(lease.total_rent, 0.0)
        for model in ("mall.lease", "mall.lease.line"):
            views = self.env[model].get_views([(False, "pivot"), (False, "graph")])["views"]
            self.assertIn("monthly_rent", views["pivot"]["arch"])
            self.assertIn("monthly_rent", views["graph"]["arch"])

    def test_demo_leases_near_their_end_are_expiring(self):
        leases = self.env["mall.lease"]._demo_create_active(
            [
                {
                    "mall_id": self.mall.id,
                    "tenant_id": self.tenant.id,
                    "date_start": self.today - timedelta(days=700),
                    "date_end": end,
                    "line_ids": [(0, 0, {"unit_id": unit.id, "price": 100.0})],
                }
                for unit, end in (
                    (self.unit_a, self.today + timedelta(days=30)),
                    (self.unit_b, self.today + timedelta(days=300)),
                )
            ]
        )
        self.assertEqual(leases.mapped("state"), ["expiring", "active"])
        self.assertEqual(self.unit_a.state, "expiring")
        self.assertEqual(self.unit_b.state, "open")

    def test_demo_path_creates_leases_in_force(self):
        leases = self.env["mall.lease"]._demo_create_active(
            [
                {
                    "mall_id": self.mall.id,
                    "tenant_id": self.tenant.id,
                    "date_start": self.today - timedelta(days=100),
                    "date_end": self.today + timedelta(days=300),
                    "line_ids": [(0, 0, {"unit_id": self.unit_b.id, "price": 100.0})],
                }
            ]
        )
        self.assertEqual(leases.state, "active")
        self.assertEqual(self.unit_b.state, "open")
