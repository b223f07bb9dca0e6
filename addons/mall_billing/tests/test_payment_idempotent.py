from odoo.tests import HttpCase, tagged

from .payment_common import LeaseInvoiceMixin


@tagged("post_install", "-at_install")
class TestPaymentIdempotent(LeaseInvoiceMixin, HttpCase):
    """A payment registered or confirmed twice is recorded once: the tenant's account shows
    one payment and no credit left over."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_mall("IDP")
        cls.tenant = cls._tenant("南京青松餐饮有限公司", login="idp_tenant")
        cls.lease = cls._active_lease(cls.tenant, cls.units[0])
        cls.bill = cls._bill(cls.lease, [("RENT", 3000.0)])
        cls.provider = cls.env.ref("payment.payment_provider_demo")
        cls.provider.write({"state": "test", "is_published": True})

    def _payments(self):
        return self.env["account.payment"].search([("partner_id", "=", self.tenant.id)])

    def _open_credit(self):
        lines = self.env["account.move.line"].search(
            [
                ("partner_id", "=", self.tenant.id),
                ("account_id.account_type", "=", "asset_receivable"),
                ("parent_state", "=", "posted"),
                ("reconciled", "=", False),
                ("balance", "<", 0),
            ]
        )
        return sum(lines.mapped("amount_residual"))

    def test_a_double_click_on_create_payment_pays_once(self):
        wizard = (
            self.env["account.payment.register"]
            .with_context(active_model="account.move", active_ids=self.bill.ids)
            .create({})
        )
        first = wizard.action_create_payments()
        second = wizard.action_create_payments()
        self.assertEqual(len(self._payments()), 1)
        self.assertEqual(first.get("res_id"), second.get("res_id"))
        self.assertIn(self.bill.payment_state, ("paid", "in_payment"))
        self.assertEqual(self._open_credit(), 0.0, "no second payment left as a credit")

    def test_a_portal_payment_confirmed_twice_is_recorded_once(self):
        self.authenticate("idp_tenant", "idp_tenant-pw1")
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
        confirmation = {
            "reference": processing["reference"],
            "payment_details": "4242",
            "simulated_state": "done",
        }
        tx = (
            self.env["payment.transaction"]
            .sudo()
            .search([("reference", "=", processing["reference"])])
        )
        # the provider's notice arrives twice (return page and webhook), each post-processed
        for _attempt in range(2):
            self.make_jsonrpc_request("/payment/demo/simulate_payment", confirmation)
            tx.invalidate_recordset()
            tx._post_process()
        self.assertEqual(tx.state, "done", tx.state_message)
        self.assertEqual(len(self._payments()), 1)
        self.assertIn(self.bill.payment_state, ("paid", "in_payment"))
        self.assertEqual(self._open_credit(), 0.0)
