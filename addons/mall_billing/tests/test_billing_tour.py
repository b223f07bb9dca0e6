from odoo import fields
from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestBillingTour(HttpCase):
    def test_finance_bills_a_month_and_the_tenant_pays_the_bill_in_the_portal(self):
        """The whole story in Chromium: finance previews and posts the month's billing run,
        then the tenant opens the bill in the portal and pays it (demo provider)."""
        month = fields.Date.context_today(self.env["res.users"]).replace(day=1)
        mall = self.env["mall.mall"].create({"name": "巡游广场", "code": "TOUR"})
        floor = self.env["mall.floor"].create({"name": "1F", "level": 1, "mall_id": mall.id})
        unit = self.env["mall.unit"].create(
            {
                "code": "T-001",
                "mall_id": mall.id,
                "floor_id": floor.id,
                "gross_area": 60.0,
                "leasable_area": 50.0,
                "usable_area": 45.0,
            }
        )
        tenant = self.env["res.partner"].create({"name": "巡游商贸有限公司", "is_company": True})
        lease = self.env["mall.lease"]._demo_create_active(
            [
                {
                    "mall_id": mall.id,
                    "tenant_id": tenant.id,
                    "date_start": month,
                    "date_end": month.replace(year=month.year + 1),
                    "due_day": 5,
                    "line_ids": [
                        (0, 0, {"unit_id": unit.id, "leasable_area": 50.0, "price": 200.0})
                    ],
                }
            ]
        )
        lease._on_lease_activated()
        self.env["res.users"].with_context(no_reset_password=True).create(
            {
                "login": "tour_finance",
                "password": "tour_finance",
                "name": "财务",
                "group_ids": [(6, 0, [self.env.ref("mall_leasing.group_finance_user").id])],
            }
        )
        self.start_tour(
            "/odoo/action-mall_billing.action_mall_billing_run",
            "mall_billing_run_tour",
            login="tour_finance",
        )
        receivable = lease.receivable_ids.filtered(lambda r: r.period_start == month)
        self.assertEqual(receivable.state, "invoiced")
        self.assertEqual(receivable.move_id.state, "posted")
        self.assertEqual(receivable.move_id.amount_total, 10000.0)

        contact = self.env["res.partner"].create(
            {"name": "巡游联系人", "parent_id": tenant.id, "email": "tour_tenant@example.com"}
        )
        self.env["res.users"].with_context(no_reset_password=True).create(
            {
                "login": "tour_tenant",
                "password": "tour_tenant-pw1",
                "name": contact.name,
                "partner_id": contact.id,
                "group_ids": [(6, 0, [self.env.ref("base.group_portal").id])],
            }
        )
        self.env.ref("payment.payment_provider_demo").write({"state": "test", "is_published": True})
        self.start_tour(
            "/my/invoices",
            "mall_billing_portal_payment_tour",
            login="tour_tenant",
            password="tour_tenant-pw1",
        )
        tx = receivable.move_id.sudo().transaction_ids
        self.assertEqual(tx.state, "done", tx.state_message)
        if not tx.is_post_processed:
            tx._post_process()  # what the payment cron does when the status page was left
        self.assertIn(receivable.move_id.payment_state, ("paid", "in_payment"))
        self.assertEqual(receivable.state, "paid")
