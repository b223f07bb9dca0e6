"""Declared monthly sales belong to their lease's company (issue 13, item 7): a user of another
company sees none of them."""

from .common import ReceivableCase


class TestLeaseSalesCompany(ReceivableCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_a = cls.env.company
        cls.company_b = cls.env["res.company"].create({"name": "杭州另一广场有限公司"})
        cls.finance_a = cls._make_user("sales_finance_a", ["mall_leasing.group_finance_user"])
        cls.finance_a.write(
            {"company_id": cls.company_a.id, "company_ids": [(6, 0, cls.company_a.ids)]}
        )
        cls.finance_b = cls._make_user("sales_finance_b", ["mall_leasing.group_finance_user"])
        cls.finance_b.write(
            {"company_id": cls.company_b.id, "company_ids": [(6, 0, cls.company_b.ids)]}
        )

    def test_sales_declarations_are_seen_by_their_company_only(self):
        lease = self._lease(rent_mode="higher", turnover_rate=10.0)
        sales = self.env["mall.lease.sales"].create(
            {"lease_id": lease.id, "month": "2026-03-01", "amount": 250000.0}
        )
        self.assertEqual(sales.company_id, lease.company_id)
        self.assertEqual(sales.company_id, self.company_a)
        domain = [("lease_id", "=", lease.id)]
        Sales = self.env["mall.lease.sales"]
        self.assertEqual(Sales.with_user(self.finance_a).search(domain), sales)
        self.assertFalse(Sales.with_user(self.finance_b).search(domain))
        self.assertFalse(Sales.with_user(self.finance_b).search_count([]))
