from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestFapiaoCallback(HttpCase):
    def setUp(self):
        super().setUp()
        self.company = self.env.company
        self.company.sudo().mall_fapiao_callback_secret = "s3cret-callback"

    def test_callback_with_a_wrong_secret_is_refused(self):
        response = self.url_open(
            f"/mall_einvoice/callback/{self.company.id}/guessed", data={"content": "{}"}
        )
        self.assertEqual(response.status_code, 403)

    def test_callback_with_the_company_secret_is_accepted(self):
        response = self.url_open(
            f"/mall_einvoice/callback/{self.company.id}/s3cret-callback", data={"content": "{}"}
        )
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.text, "ok")
