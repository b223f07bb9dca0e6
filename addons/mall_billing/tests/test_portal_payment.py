from odoo.tests import HttpCase, tagged

from .payment_common import LeaseInvoiceMixin


@tagged("post_install", "-at_install")
class TestPortalPayment(LeaseInvoiceMixin, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_mall("PTL")
        cls.tenant = cls._tenant("杭州青柠茶饮有限公司", login="ptl_tenant")
        cls.other = cls._tenant("苏州白桦服饰有限公司", login="ptl_other")
        cls.lease = cls._active_lease(cls.tenant, cls.units[0])
        cls.other_lease = cls._active_lease(cls.other, cls.units[1])
        cls.bill = cls._bill(cls.lease, [("RENT", 3000.0)])
        cls.other_bill = cls._bill(cls.other_lease, [("RENT", 5000.0)])
        cls.provider = cls.env.ref("payment.payment_provider_demo")
        cls.provider.write({"state": "test", "is_published": True})

    def test_a_tenant_sees_only_its_own_bills(self):
        user = self.env["res.users"].search([("login", "=", "ptl_tenant")])
        Move = self.env["account.move"].with_user(user)
        self.assertEqual(Move.search([("move_type", "=", "out_invoice")]), self.bill)
        self.authenticate("ptl_tenant", "ptl_tenant-pw1")
        page = self.url_open("/my/invoices").text
        self.assertIn(self.bill.name, page)
        self.assertNotIn(self.other_bill.name, page)
        response = self.url_open(f"/my/invoices/{self.other_bill.id}", allow_redirects=False)
        self.assertNotEqual(response.status_code, 200)

    def test_a_tenant_pays_a_bill_with_the_payment_provider(self):
        receivable = self.env["mall.receivable"].create(
            {
                "lease_id": self.lease.id,
                "partner_id": self.tenant.id,
                "charge_type_id": self.env.ref("mall_billing.charge_type_rent").id,
                "period_start": "2026-01-01",
                "period_end": "2026-01-31",
                "due_date": "2026-01-05",
                "amount": self.bill.amount_total,
                "move_id": self.bill.id,
            }
        )
        self.assertEqual(receivable.state, "invoiced")
        self.authenticate("ptl_tenant", "ptl_tenant-pw1")
        processing = self.make_jsonrpc_request(
            f"/invoice/transaction/{self.bill.id}",
            {
                "provider_id": self.provider.id,
                "payment_method_id": self.env.ref("payment_demo.payment_method_demo").id,
                "token_id": None,
                "amount": self.bill.amount_residual,
                "flow": "direct",
                "tokenization_requested": False,
                "landing_route": self.bill.get_portal_url(),
                "access_token": self.bill._portal_ensure_token(),
            },
        )
        # what the demo provider's form posts when the tenant confirms
        self.make_jsonrpc_request(
            "/payment/demo/simulate_payment",
            {
                "reference": processing["reference"],
                "payment_details": "4242",
                "simulated_state": "done",
            },
        )
        tx = (
            self.env["payment.transaction"]
            .sudo()
            .search([("reference", "=", processing["reference"])])
        )
        self.assertEqual(tx.state, "done", tx.state_message)
        tx._post_process()
        self.assertIn(self.bill.payment_state, ("paid", "in_payment"))
        self.assertEqual(tx.payment_id.partner_id, self.tenant)
        self.assertEqual(receivable.state, "paid")
        self.assertEqual(self.other_bill.payment_state, "not_paid")

    def test_portal_payment_tour(self):
        self.start_tour(
            "/my/invoices",
            "mall_billing_portal_payment_tour",
            login="ptl_tenant",
            password="ptl_tenant-pw1",
        )
        tx = self.bill.sudo().transaction_ids
        self.assertEqual(tx.provider_id, self.provider)
        self.assertEqual(tx.state, "done", tx.state_message)
        if not tx.is_post_processed:
            tx._post_process()  # what the payment cron does when the status page was left
        self.assertIn(self.bill.payment_state, ("paid", "in_payment"))
