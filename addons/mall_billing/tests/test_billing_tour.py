from odoo import fields
from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestBillingTour(HttpCase):

    def test_finance_previews_and_posts_a_month_in_the_browser(self):
        month = fields.Date.context_today(self.env["res.users"]).replace(day=1)
        mall = self.env["mall.mall"].create({"name": "巡游广场", "code": "TOUR"})
        floor = self.env["mall.floor"].create({"name": "1F", "level": 1, "mall_id": mall.id})
        unit = self.env["mall.unit"].create({
            "code": "T-001", "mall_id": mall.id, "floor_id": floor.id, "gross_area": 60.0,
            "leasable_area": 50.0, "usable_area": 45.0})
        tenant = self.env["res.partner"].create({"name": "巡游商贸有限公司", "is_company": True})
        lease = self.env["mall.lease"]._demo_create_active([{
            "mall_id": mall.id, "tenant_id": tenant.id, "date_start": month,
            "date_end": month.replace(year=month.year + 1), "due_day": 5,
            "line_ids": [(0, 0, {"unit_id": unit.id, "leasable_area": 50.0, "price": 200.0})]}])
        lease._on_lease_activated()
        self.env["res.users"].with_context(no_reset_password=True).create({
            "login": "tour_finance", "password": "tour_finance", "name": "财务",
            "group_ids": [(6, 0, [self.env.ref("mall_leasing.group_finance_user").id])]})
        self.start_tour("/odoo/action-mall_billing.action_mall_billing_run",
                        "mall_billing_run_tour", login="tour_finance")
        receivable = lease.receivable_ids.filtered(lambda r: r.period_start == month)
        self.assertEqual(receivable.state, "invoiced")
        self.assertEqual(receivable.move_id.state, "posted")
        self.assertEqual(receivable.move_id.amount_total, 10000.0)
