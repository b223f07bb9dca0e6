from odoo.tests import HttpCase, tagged

from .common import FapiaoCaseMixin


@tagged("post_install", "-at_install")
class TestFapiaoCallback(FapiaoCaseMixin, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_fapiao()
        cls.company.sudo().mall_fapiao_callback_secret = "s3cret-callback"
        cls.company.mall_fapiao_push = False

    def test_callback_with_a_wrong_secret_is_refused(self):
        response = self.url_open(
            f"/mall_einvoice/callback/{self.company.id}/guessed", data={"content": "{}"}
        )
        self.assertEqual(response.status_code, 403)

    def test_provider_callback_brings_the_result_in(self):
        self.env["ir.config_parameter"].sudo().set_param("web.base.url", self.base_url())
        self.sim_control(callbacks="manual", callback_db=self.env.cr.dbname)
        try:
            move = self._invoice([(self.service, 1, 100)])
            move.action_mall_request_fapiao()
            fapiao = move.mall_fapiao_ids
            fapiao.action_submit()
            self.assertEqual(fapiao.state, "issuing")
            # the simulator calls /mall_einvoice/callback/<company>/<secret> back
            self.env.flush_all()
            # the provider is not the test's browser: let its request in
            with self.allow_requests(all_requests=True):
                answer = self.sim_control(flush_callbacks=True)
            self.assertEqual(answer["delivered"], 1)
            self.env.invalidate_all()
            self.assertEqual(fapiao.state, "issued")
            self.assertEqual(len(fapiao.number), 20)
        finally:
            self.sim_control(callbacks="auto")
