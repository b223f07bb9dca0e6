from odoo.tests import HttpCase, new_test_user, tagged

from .common import FapiaoCaseMixin


@tagged("post_install", "-at_install")
class TestFapiaoTour(FapiaoCaseMixin, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_fapiao()
        cls.company.mall_fapiao_trigger = "payment"
        cls.portal_user = new_test_user(
            cls.env, login="fapiao_tour_tenant", groups="base.group_portal", password="fapiao_tour"
        )
        cls.portal_user.partner_id.parent_id = cls.tenant
        cls.env.ref("payment.payment_provider_demo").write({"state": "test", "is_published": True})

    def test_tenant_pays_in_the_portal_and_downloads_the_fapiao(self):
        move = self._invoice([(self.service, 1, 100)])
        try:
            self.start_tour("/my/invoices", "mall_einvoice_portal_pay", login="fapiao_tour_tenant")
            self.env.invalidate_all()
            self.assertFalse(move.mall_fapiao_ids, "the payment only queues the request")
            self._run_jobs()
            self.start_tour("/my", "mall_einvoice_portal_fapiao", login="fapiao_tour_tenant")
        except AssertionError as error:
            self.env.invalidate_all()
            transactions = self.env["payment.transaction"].search([("invoice_ids", "in", move.ids)])
            raise AssertionError(
                f"{error}\ninvoice {move.payment_state}, transactions "
                f"{transactions.mapped(lambda tx: (tx.state, tx.state_message))}, fapiao "
                f"{move.mall_fapiao_ids.mapped(lambda rec: (rec.state, rec.fail_reason))}"
            ) from error
        self.env.invalidate_all()
        self.assertIn(move.payment_state, ("paid", "in_payment"))
        fapiao = move.mall_fapiao_ids
        self.assertEqual(fapiao.state, "issued")
        self.assertEqual(len(fapiao.number), 20)
