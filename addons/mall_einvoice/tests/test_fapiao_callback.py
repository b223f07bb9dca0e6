import hashlib
import hmac
import time
import urllib.parse

from odoo.tests import HttpCase, tagged

from .common import FapiaoCaseMixin

SECRET = "s3cret-callback"


@tagged("post_install", "-at_install")
class TestFapiaoCallback(FapiaoCaseMixin, HttpCase):
    """The provider's push proves the company's callback secret by a signature of its body (or
    the secret in a header), never in the URL; whatever it sends, the answer is a JSON 4xx in
    Chinese, never a server error."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_fapiao()
        cls.company.sudo().mall_fapiao_callback_secret = SECRET
        cls.company.mall_fapiao_push = False

    def _push(self, headers=None, body=b"content=%7B%7D", company=None):
        return self.url_open(
            f"/mall_einvoice/callback/{company or self.company.id}",
            data=body,
            headers=dict({"Content-Type": "application/x-www-form-urlencoded"}, **(headers or {})),
        )

    def _signed(self, payload, secret=SECRET):
        return {"X-Mall-Signature": hmac.new(secret.encode(), payload, hashlib.sha256).hexdigest()}

    def test_callback_without_a_signature_is_refused_in_chinese(self):
        response = self._push()
        self.assertEqual(response.status_code, 401)
        self.assertIn("签名", response.json()["error"])

    def test_callback_with_a_wrong_or_non_ascii_secret_is_refused_in_chinese(self):
        body = b"content=%7B%7D"
        for headers in (
            self._signed(b"{}", "guessed"),
            {"X-Mall-Callback-Secret": "guessed"},
            {"X-Mall-Callback-Secret": "密钥".encode()},
            {"X-Mall-Signature": "签名".encode()},
            {"X-Mall-Signature": "sha256=" + "0" * 64},
        ):
            response = self._push(headers, body)
            self.assertEqual(response.status_code, 403, headers)
            self.assertEqual(response.headers["Content-Type"], "application/json; charset=utf-8")
            self.assertIn("签名无效", response.json()["error"])

    def test_callback_for_an_unknown_or_oversized_company_is_refused(self):
        for company in (987654, 10**12):
            response = self._push({"X-Mall-Callback-Secret": SECRET}, company=company)
            self.assertEqual(response.status_code, 403)

    def test_secret_in_the_url_path_is_no_longer_accepted(self):
        response = self.url_open(
            f"/mall_einvoice/callback/{self.company.id}/{SECRET}", data={"content": "{}"}
        )
        self.assertEqual(response.status_code, 404)

    def test_secret_in_a_header_is_accepted(self):
        response = self._push({"X-Mall-Callback-Secret": SECRET})
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.json()["result"], "ok")

    def test_provider_callback_brings_the_result_in(self):
        self.env["ir.config_parameter"].sudo().set_param("web.base.url", self.base_url())
        self.sim_control(
            callbacks="manual", callback_db=self.env.cr.dbname, callback_secret=SECRET, delay=0.3
        )
        try:
            move = self._invoice([(self.service, 1, 100)])
            move.action_mall_request_fapiao()
            fapiao = move.mall_fapiao_ids
            fapiao.action_submit()
            self._run_job(self._jobs("_job_issue"))
            self.assertEqual(fapiao.state, "issuing")
            # the simulator calls /mall_einvoice/callback/<company> back, signed
            time.sleep(0.4)
            self.env.flush_all()
            # the provider is not the test's browser: let its request in
            with self.allow_requests(all_requests=True):
                answer = self.sim_control(flush_callbacks=True)
            self.assertEqual(answer["delivered"], 1)
            self.env.invalidate_all()
            self.assertEqual(fapiao.state, "issued")
            self.assertEqual(len(fapiao.number), 20)
        finally:
            self.sim_control(callbacks="auto", callback_secret="", delay=0.0)

    def test_signature_covers_the_pushed_content(self):
        content = '{"orderNo": "NONE"}'
        body = urllib.parse.urlencode({"content": content}).encode()
        signed = self._signed(content.encode())
        self.assertEqual(self._push(signed, body).status_code, 200)
        forged = urllib.parse.urlencode({"content": '{"orderNo": "OTHER"}'}).encode()
        self.assertEqual(self._push(signed, forged).status_code, 403)
