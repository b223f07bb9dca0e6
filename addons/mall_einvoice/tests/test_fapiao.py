import ast
from unittest.mock import patch

import requests
from lxml import etree

from odoo.addons.queue_job.exception import RetryableJobError
from odoo.exceptions import UserError, ValidationError
from odoo.tests import TransactionCase, tagged

from .common import FapiaoCaseMixin


@tagged("post_install", "-at_install")
class TestFapiao(FapiaoCaseMixin, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_fapiao()

    def test_invoice_with_two_rents_and_a_fee_becomes_three_fapiao(self):
        move = self._invoice([(self.rent, 1, 10000), (self.rent, 1, 8000), (self.service, 2, 500)])
        move.action_mall_request_fapiao()
        fapiao = move.mall_fapiao_ids
        self.assertEqual(len(fapiao), 3)
        rents = fapiao.filtered("is_rent")
        self.assertEqual(len(rents), 2)
        self.assertTrue(all(len(rec.line_ids) == 1 for rec in rents))
        self.assertEqual(fapiao[0].buyer_tax_number, "91330106MA2BBBBB1D")
        first = rents.filtered(lambda rec: rec.amount_total == 10000)
        self.assertEqual((first.amount_untaxed, first.amount_tax), (9174.31, 825.69))
        self.assertEqual(first.amount_total_words, "壹万元整")
        self.assertEqual(move.mall_fapiao_state, "draft")

    def test_lines_take_tax_data_from_the_charge_type(self):
        self.service_charge.write({"tax_preferential": True, "fapiao_preferential_flag": "01"})
        move = self._invoice([(self.rent, 1, 10000), (self.service, 3, "33.33")])
        move.action_mall_request_fapiao()
        rent_line = move.mall_fapiao_ids.filtered("is_rent").line_ids
        service_line = move.mall_fapiao_ids.filtered(lambda rec: not rec.is_rent).line_ids
        self.assertEqual(rent_line.name, "*经营租赁*商铺租金")
        self.assertEqual(rent_line.tax_code, "3040502029902000000")
        self.assertEqual(rent_line.tax_rate, 0.09)
        self.assertEqual(service_line.name, "*企业管理服务*物业管理费")
        self.assertEqual(service_line.tax_code, "3040801010000000000")
        self.assertEqual(service_line.preferential, "01")
        self.assertEqual((service_line.amount, service_line.tax), (99.99, 6.0))

    def test_rent_takes_property_unit_and_period_from_the_receivable(self):
        floor = self.env["mall.floor"].create({"name": "1F", "level": 1, "mall_id": self.mall.id})
        unit = self.env["mall.unit"].create(
            {"code": "L1-101", "mall_id": self.mall.id, "floor_id": floor.id}
        )
        move = self._invoice([(self.rent, 1, 10000)])
        self.env["mall.receivable"].create(
            {
                "partner_id": self.tenant.id,
                "mall_id": self.mall.id,
                "unit_id": unit.id,
                "charge_type_id": self.rent_charge.id,
                "period_start": "2026-12-01",
                "period_end": "2026-12-31",
                "due_date": "2026-11-25",
                "amount": 10000,
            }
        ).sudo().write({"move_id": move.id, "state": "invoiced"})
        move.action_mall_request_fapiao()
        fapiao = move.mall_fapiao_ids
        self.assertEqual(fapiao.rent_region, "浙江省杭州市西湖区")
        self.assertTrue(fapiao.rent_address.startswith("文三路90号"))
        self.assertIn("L1-101", fapiao.rent_address)
        self.assertEqual(fapiao.rent_certificate, "浙(2020)杭州市不动产权第0012345号")
        self.assertEqual(str(fapiao.rent_date_start), "2026-12-01")
        self.assertEqual(str(fapiao.rent_date_end), "2026-12-31")
        self.assertFalse(fapiao._missing())

    def test_tenant_preferred_kind_and_changed_title_are_issued(self):
        self.tenant.mall_fapiao_kind = "special"
        move = self._invoice([(self.service, 1, 100)])
        move.action_mall_request_fapiao()
        fapiao = move.mall_fapiao_ids
        self.assertEqual(fapiao.kind, "special")
        # the tenant asks for another title before issuing
        fapiao.write(
            {"buyer_name": "杭州橙森餐饮管理有限公司", "buyer_tax_number": "91330106MA2CCCCC2E"}
        )
        fapiao.action_submit()
        self._wait_issued(fapiao)
        self.assertEqual(fapiao.state, "issued")
        self.assertTrue(fapiao.qr_code.startswith("01,31,,"))
        xml = self.env["ir.attachment"].search(
            [
                ("res_model", "=", "mall.fapiao"),
                ("res_id", "=", fapiao.id),
                ("name", "like", ".xml"),
            ]
        )
        self.assertIn("杭州橙森餐饮管理有限公司".encode(), xml.raw)

    def test_tenant_standing_title_is_used_for_its_fapiao(self):
        self.tenant.write(
            {
                "mall_fapiao_title": "橙森集团有限公司",
                "mall_fapiao_tax_number": "91330106MA2DDDDD3F",
                "mall_fapiao_bank": "招商银行杭州分行 571900000000001",
            }
        )
        move = self._invoice([(self.service, 1, 100)])
        move.action_mall_request_fapiao()
        fapiao = move.mall_fapiao_ids
        self.assertEqual(fapiao.buyer_name, "橙森集团有限公司")
        self.assertEqual(fapiao.buyer_tax_number, "91330106MA2DDDDD3F")
        self.assertEqual(fapiao.buyer_bank, "招商银行杭州分行 571900000000001")

    def test_fapiao_is_issued_with_number_qr_files_and_mail(self):
        fapiao = self._issued([(self.rent, 1, 10000)])
        self.assertEqual(len(fapiao.number), 20)
        self.assertTrue(fapiao.number.isdigit())
        self.assertTrue(fapiao.issue_date)
        self.assertEqual(fapiao._qr_payload().split(",")[3], fapiao.number)
        names = (
            self.env["ir.attachment"]
            .search([("res_model", "=", "mall.fapiao"), ("res_id", "=", fapiao.id)])
            .mapped("name")
        )
        for ext in ("pdf", "ofd", "xml"):
            self.assertIn(f"{fapiao.number}.{ext}", names)
        self.assertEqual(fapiao.move_id.mall_fapiao_state, "issued")
        mail = self.env["mail.mail"].search(
            [("model", "=", "mall.fapiao"), ("res_id", "=", fapiao.id)]
        )
        self.assertEqual(mail.email_to, "finance@chengsen.example.com")
        self.assertIn(fapiao.number, mail.subject)
        self.assertEqual(len(mail.attachment_ids), 3)
        self.assertTrue(fapiao.sent)

    def test_rent_fapiao_without_address_is_refused_before_sending(self):
        move = self._invoice([(self.rent, 1, 10000)])
        move.action_mall_request_fapiao()
        with self.assertRaisesRegex(UserError, "不动产地址"):
            move.mall_fapiao_ids.action_submit()
        self.assertEqual(move.mall_fapiao_ids.state, "draft")

    def test_rent_address_must_name_a_street(self):
        move = self._invoice([(self.rent, 1, 10000)])
        move.action_mall_request_fapiao()
        with self.assertRaises(ValidationError):
            move.mall_fapiao_ids.write({"rent_address": "西湖区某大楼"})

    def test_missing_tax_code_is_a_clear_error(self):
        self.service_charge.tax_classification_code = False
        move = self._invoice([(self.service, 1, 100)])
        move.action_mall_request_fapiao()
        with self.assertRaisesRegex(UserError, "物业管理费"):
            move.mall_fapiao_ids.action_submit()

    def test_failure_22_is_shown_and_retried_under_a_new_order_number(self):
        move = self._invoice([(self.service, 1, 100)])
        move.action_mall_request_fapiao()
        fapiao = move.mall_fapiao_ids
        self.sim_control(fail_next="22")
        fapiao.action_submit()
        self._wait_issued(fapiao)
        self.assertEqual(fapiao.state, "failed")
        self.assertIn("模拟开票失败", fapiao.fail_reason)
        self.assertEqual(move.mall_fapiao_state, "failed")
        old = fapiao.name
        fapiao.action_submit()
        self.assertNotEqual(fapiao.name, old)
        self.assertLessEqual(len(fapiao.name), 20)
        self._wait_issued(fapiao)
        self.assertEqual(fapiao.state, "issued")

    def test_signature_failure_24_is_signed_again_to_issued(self):
        move = self._invoice([(self.service, 1, 100)])
        move.action_mall_request_fapiao()
        fapiao = move.mall_fapiao_ids
        self.sim_control(fail_next="24")
        fapiao.action_submit()
        self._wait_issued(fapiao, states=("issued",))
        self.assertEqual(fapiao.state, "issued")
        self.assertEqual(fapiao.sign_retries, 1)
        self.assertEqual(len(self.adapter().query(order_nos=[fapiao.name])), 1)

    def test_lost_answer_does_not_issue_twice(self):
        move = self._invoice([(self.service, 1, 100)])
        move.action_mall_request_fapiao()
        fapiao = move.mall_fapiao_ids
        self.sim_control(drop_next=1)
        fapiao.action_submit()
        self.assertEqual(fapiao.state, "submitted")
        self._wait_issued(fapiao)
        self.assertEqual(fapiao.state, "issued")
        self.assertEqual(len(self.adapter().query(order_nos=[fapiao.name])), 1)

    def test_timeout_then_resend_answers_e9106_and_one_fapiao(self):
        """A provider that answers too late: the request is sent again under the same order
        number, the provider answers E9106 and only one fapiao exists."""
        move = self._invoice([(self.service, 1, 100)])
        move.action_mall_request_fapiao()
        fapiao = move.mall_fapiao_ids
        adapter = self.company._mall_fapiao_provider()
        adapter.fetch_token()
        post = adapter.session.post

        def late_answer(*args, **kwargs):
            # the provider accepts the request, its answer comes after the client gave up
            post(*args, **kwargs)
            raise requests.ReadTimeout("read timed out")

        with (
            patch.object(adapter.session, "post", late_answer),
            self.assertRaises(RetryableJobError),
        ):
            fapiao._send(adapter)
        # the job's work was rolled back: our side still thinks it is a draft
        self.assertEqual(fapiao.state, "draft")
        fapiao.action_submit()
        self._run_jobs(rounds=1)
        self.assertIn(fapiao.state, ("issuing", "issued"))
        self._wait_issued(fapiao)
        self.assertEqual(fapiao.state, "issued")
        self.assertEqual(len(self.adapter().query(order_nos=[fapiao.name])), 1)

    def test_order_number_is_a_key_of_its_own_not_derived_from_the_invoice(self):
        """A request rolled back with its invoice's transaction never reached the provider (only
        a job after the commit calls it); the next one gets a number of its own, never one the
        provider may know from the lost one."""
        move = self._invoice([(self.service, 1, 100)])
        vals = self.env["mall.fapiao"]._prepare_from_moves(move)
        names = []
        with self.assertRaises(RuntimeError), self.env.cr.savepoint():
            names.append(self.env["mall.fapiao"].create(vals).name)
            self.env.flush_all()
            raise RuntimeError("rolled back")
        self.env.invalidate_all()
        fapiao = self.env["mall.fapiao"].create(vals)
        self.assertNotEqual(fapiao.name, names[0])
        self.assertLessEqual(len(fapiao.name), 20)
        self.assertNotIn(f"{move.id:010d}", fapiao.name)
        # the key is kept by the request: sending it again carries the same number
        name = fapiao.name
        fapiao.action_submit()
        self._wait_issued(fapiao)
        self.assertEqual(fapiao.name, name)

    def test_expired_token_is_fetched_again(self):
        move = self._invoice([(self.service, 1, 100)])
        move.action_mall_request_fapiao()
        fapiao = move.mall_fapiao_ids
        self.company.sudo().write({"mall_fapiao_token": False})
        self.sim_control(delay=0.3)
        try:
            fapiao.action_submit()
            self._run_jobs(rounds=1)
            self.assertEqual(fapiao.state, "issuing")
        finally:
            self.sim_control(delay=0.0)
        first = self.company.sudo().mall_fapiao_token
        self.assertTrue(first)
        self.assertTrue(self.company.sudo().mall_fapiao_token_expiry)
        self.sim_control(expire_tokens=True)
        self._wait_issued(fapiao)
        self.assertEqual(fapiao.state, "issued")
        self.assertNotEqual(self.company.sudo().mall_fapiao_token, first)

    def test_requesting_twice_keeps_one_fapiao_per_invoice(self):
        move = self._invoice([(self.service, 1, 100)])
        move.action_mall_request_fapiao()
        move.action_mall_request_fapiao()
        self.assertEqual(len(move.mall_fapiao_ids), 1)

    def test_fapiao_form_shows_no_void_button(self):
        # a 数电 fapiao is never voided, only red-flushed: the form offers Red Flush, no Void
        fapiao = self._issued([(self.service, 1, 100)])
        arch = self.env["mall.fapiao"].get_views([(False, "form")])["views"]["form"]["arch"]
        buttons = etree.fromstring(arch).xpath("//header/button")
        self.assertIn("action_red_flush", [button.get("name") for button in buttons])
        self.assertNotIn("Void", [button.get("string") for button in buttons])
        self.assertNotIn("action_void", arch)
        self.assertFalse(hasattr(fapiao, "action_void"))

    def test_draft_invoice_cannot_request_a_fapiao(self):
        move = self._invoice([(self.service, 1, 100)], post=False)
        with self.assertRaises(UserError):
            move.action_mall_request_fapiao()

    def test_posting_issues_when_the_company_says_so(self):
        self.company.mall_fapiao_trigger = "post"
        move = self._invoice([(self.service, 1, 100)])
        self.assertFalse(move.mall_fapiao_ids, "requested by a job after the posting")
        self.assertEqual(len(self._jobs("_job_mall_fapiao_request")), 1)
        self._run_jobs(rounds=1)
        self.assertIn(move.mall_fapiao_ids.state, ("submitted", "issuing", "issued"))
        self._wait_issued(move.mall_fapiao_ids)
        self.assertEqual(move.mall_fapiao_state, "issued")

    def test_payment_issues_when_the_company_says_so(self):
        self.company.mall_fapiao_trigger = "payment"
        move = self._invoice([(self.service, 1, 100)])
        self.assertFalse(move.mall_fapiao_ids, "posting alone issues nothing")
        self._pay(move)
        self.assertIn(move.payment_state, ("paid", "in_payment"))
        self._run_jobs(rounds=1)
        self.assertIn(move.mall_fapiao_ids.state, ("submitted", "issuing", "issued"))
        self._wait_issued(move.mall_fapiao_ids)
        self.assertEqual(move.mall_fapiao_state, "issued")

    def test_payment_does_not_issue_when_manual(self):
        move = self._invoice([(self.service, 1, 100)])
        self._pay(move)
        self.assertFalse(move.mall_fapiao_ids)
        missing = self.env.ref("mall_einvoice.action_invoices_paid_without_fapiao")
        found = self.env["account.move"].search(ast.literal_eval(missing.domain))
        self.assertIn(move, found)

    def test_incomplete_request_waits_in_draft_without_blocking_payment(self):
        self.company.mall_fapiao_trigger = "payment"
        move = self._invoice([(self.rent, 1, 10000)])
        self._pay(move)
        self.assertIn(move.payment_state, ("paid", "in_payment"))
        self._run_jobs()
        self.assertEqual(move.mall_fapiao_ids.state, "draft")
        self.assertEqual(move.mall_fapiao_state, "draft")
        activity = move.mall_fapiao_ids.activity_ids
        problem = self.env.ref("mall_einvoice.mail_activity_type_fapiao_problem")
        self.assertEqual(activity.activity_type_id, problem)
        self.assertEqual(problem.with_context(lang="zh_CN").name, "发票问题")
        self.assertIn("不动产", activity.note)

    def test_monthly_statistics_by_rate_and_kind(self):
        self._issued([(self.rent, 1, 10000), (self.service, 2, 500)])
        self.env.flush_all()
        groups = self.env["mall.fapiao.report"]._read_group(
            [("partner_id", "=", self.tenant.id)],
            ["issue_date:month", "tax_rate", "kind"],
            ["fapiao_count:sum", "amount:sum", "tax:sum"],
        )
        by_rate = {rate: (count, amount, tax) for _month, rate, _kind, count, amount, tax in groups}
        self.assertEqual(by_rate["9%"], (1, 9174.31, 825.69))
        self.assertEqual(by_rate["6%"], (1, 1000.0, 60.0))

    def test_callback_url_carries_no_secret(self):
        self.company.sudo().mall_fapiao_callback_secret = "s3cret"
        url = self.company._mall_fapiao_callback_url()
        self.assertTrue(url.endswith(f"/mall_einvoice/callback/{self.company.id}"))
        self.assertNotIn("s3cret", url)
