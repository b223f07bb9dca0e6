"""Every record of a lease belongs to the lease's company: a user of another company sees
none of them."""

from datetime import date

from odoo.tests import tagged

from .common import MallLeaseCase


@tagged("post_install", "-at_install")
class TestLeaseCompanyIsolation(MallLeaseCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_a = cls.env.company
        cls.company_b = cls.env["res.company"].create({"name": "杭州另一广场有限公司"})
        cls.manager_b = cls._make_user(
            "lease_manager_b",
            ["mall_leasing.group_leasing_manager"],
            company_id=cls.company_b.id,
            company_ids=[(6, 0, cls.company_b.ids)],
        )
        cls.manager.company_ids = [(4, cls.company_a.id)]

    def test_a_user_of_another_company_sees_no_record_of_a_lease(self):
        lease = self._lease(rent_mode="stepped", turnover_rate=5.0)
        self.env["mall.lease.fee"].create(
            {"lease_id": lease.id, "fee_type": "property", "price": 30.0}
        )
        self.env["mall.lease.rent.free"].create(
            {"lease_id": lease.id, "date_from": date(2026, 1, 1), "date_to": date(2026, 1, 31)}
        )
        self.env["mall.lease.turnover.band"].create(
            {"lease_id": lease.id, "sales_from": 100000.0, "rate": 8.0}
        )
        self.env["mall.lease.amendment"].create(
            {"lease_id": lease.id, "name": "补充协议", "description": "<p>延期</p>"}
        )
        self.env["mall.lease.breach"].create({"lease_id": lease.id, "description": "逾期开业"})
        self.env["mall.lease.reminder"].create(
            {"lease_id": lease.id, "lead_days": 90, "date_sent": date(2028, 10, 1)}
        )
        for model in (
            "mall.lease",
            "mall.lease.line",
            "mall.lease.fee",
            "mall.lease.rent.free",
            "mall.lease.turnover.band",
            "mall.lease.amendment",
            "mall.lease.breach",
            "mall.lease.reminder",
        ):
            with self.subTest(model=model):
                domain = (
                    [("id", "=", lease.id)]
                    if model == "mall.lease"
                    else [("lease_id", "=", lease.id)]
                )
                records = self.env[model].search(domain)
                self.assertTrue(records)
                self.assertEqual(records.company_id, self.company_a)
                self.assertEqual(
                    self.env[model].with_user(self.manager).search_count(domain), len(records)
                )
                self.assertFalse(self.env[model].with_user(self.manager_b).search(domain))
