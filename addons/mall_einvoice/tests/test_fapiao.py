import time

from odoo import fields
from odoo.exceptions import UserError, ValidationError
from odoo.tests import TransactionCase, tagged

from .simulator import APP_KEY, APP_SECRET, USER_TAX, SimulatorMixin


@tagged("post_install", "-at_install")
class TestFapiao(SimulatorMixin, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.start_simulator()
        cls.company = cls.env.company
        cls.company.sudo().write(
            {
                "vat": USER_TAX,
                "mall_fapiao_url": cls.sim_url,
                "mall_fapiao_app_key": APP_KEY,
                "mall_fapiao_app_secret": APP_SECRET,
                "mall_fapiao_clerk": "王会计",
            }
        )
        cls.tax9 = cls.env["account.tax"].create(
            {
                "name": "VAT 9% incl. (fapiao test)",
                "amount": 9,
                "amount_type": "percent",
                "type_tax_use": "sale",
                "price_include_override": "tax_included",
            }
        )
        cls.tax6 = cls.env["account.tax"].create(
            {
                "name": "VAT 6% (fapiao test)",
                "amount": 6,
                "amount_type": "percent",
                "type_tax_use": "sale",
            }
        )
        cls.rent = cls.env["product.product"].create(
            {
                "name": "商铺租金",
                "mall_tax_code": "3040502029902000000",
                "mall_tax_short_name": "经营租赁",
                "mall_is_property_rent": True,
                "taxes_id": [(6, 0, cls.tax9.ids)],
            }
        )
        cls.service = cls.env["product.product"].create(
            {
                "name": "物业管理费",
                "mall_tax_code": "3040801010000000000",
                "mall_tax_short_name": "企业管理服务",
                "taxes_id": [(6, 0, cls.tax6.ids)],
            }
        )
        cls.tenant = cls.env["res.partner"].create(
            {
                "name": "杭州橙森商贸有限公司",
                "is_company": True,
                "mall_uscc": "91330106MA2BBBBB1D",
            }
        )

    def _invoice(self, lines):
        move = self.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": self.tenant.id,
                "invoice_date": fields.Date.today(),
                "invoice_line_ids": [
                    (
                        0,
                        0,
                        {
                            "product_id": product.id,
                            "quantity": qty,
                            "price_unit": price,
                            "tax_ids": [(6, 0, product.taxes_id.ids)],
                        },
                    )
                    for product, qty, price in lines
                ],
            }
        )
        move.action_post()
        return move

    def _rent_address(self, fapiao):
        fapiao.filtered("is_rent").write(
            {
                "rent_region": "浙江省杭州市西湖区",
                "rent_address": "文三路90号1层101",
                "rent_date_start": "2026-11-01",
                "rent_date_end": "2026-11-30",
            }
        )

    def _wait_issued(self, fapiao):
        for _i in range(50):
            fapiao.action_refresh()
            if all(state in ("issued", "failed") for state in fapiao.mapped("state")):
                return
            fapiao.write({"next_poll": fields.Datetime.now()})
            time.sleep(0.1)

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
        self.assertEqual(first.line_ids.name, "*经营租赁*商铺租金")
        self.assertEqual(move.mall_fapiao_state, "pending")

    def test_fapiao_is_issued_with_number_qr_and_pdf(self):
        move = self._invoice([(self.rent, 1, 10000)])
        move.action_mall_request_fapiao()
        fapiao = move.mall_fapiao_ids
        self._rent_address(fapiao)
        fapiao.action_submit()
        self._wait_issued(fapiao)
        self.assertEqual(fapiao.state, "issued")
        self.assertEqual(len(fapiao.number), 20)
        self.assertTrue(fapiao.qr_code)
        attachments = self.env["ir.attachment"].search(
            [("res_model", "=", "mall.fapiao"), ("res_id", "=", fapiao.id)]
        )
        self.assertIn(f"{fapiao.number}.pdf", attachments.mapped("name"))
        self.assertEqual(move.mall_fapiao_state, "issued")

    def test_rent_fapiao_without_address_is_refused_before_sending(self):
        move = self._invoice([(self.rent, 1, 10000)])
        move.action_mall_request_fapiao()
        with self.assertRaises(UserError):
            move.mall_fapiao_ids.action_submit()
        self.assertEqual(move.mall_fapiao_ids.state, "draft")

    def test_rent_address_must_name_a_street(self):
        move = self._invoice([(self.rent, 1, 10000)])
        move.action_mall_request_fapiao()
        with self.assertRaises(ValidationError):
            move.mall_fapiao_ids.write({"rent_address": "西湖区某大楼"})

    def test_missing_tax_code_is_a_clear_error(self):
        self.service.mall_tax_code = False
        move = self._invoice([(self.service, 1, 100)])
        move.action_mall_request_fapiao()
        with self.assertRaisesRegex(UserError, "物业管理费"):
            move.mall_fapiao_ids.action_submit()

    def test_failed_fapiao_is_retried_under_a_new_order_number(self):
        move = self._invoice([(self.service, 1, 100)])
        move.action_mall_request_fapiao()
        fapiao = move.mall_fapiao_ids
        self.sim_control(fail_next="22")
        fapiao.action_submit()
        self._wait_issued(fapiao)
        self.assertEqual(fapiao.state, "failed")
        self.assertTrue(fapiao.fail_reason)
        self.assertEqual(move.mall_fapiao_state, "failed")
        old = fapiao.name
        fapiao.action_submit()
        self.assertNotEqual(fapiao.name, old)
        self._wait_issued(fapiao)
        self.assertEqual(fapiao.state, "issued")

    def test_lost_answer_does_not_issue_twice(self):
        move = self._invoice([(self.service, 1, 100)])
        move.action_mall_request_fapiao()
        fapiao = move.mall_fapiao_ids
        self.company.sudo().mall_fapiao_url = self.sim_url
        self.sim_control(drop_next=1)
        fapiao.action_submit()
        self.assertEqual(fapiao.state, "submitted")
        self._wait_issued(fapiao)
        self.assertEqual(fapiao.state, "issued")
        self.assertEqual(len(self.adapter().query(order_nos=[fapiao.name])), 1)

    def test_requesting_twice_keeps_one_fapiao_per_invoice(self):
        move = self._invoice([(self.service, 1, 100)])
        move.action_mall_request_fapiao()
        move.action_mall_request_fapiao()
        self.assertEqual(len(move.mall_fapiao_ids), 1)

    def test_digital_fapiao_cannot_be_voided(self):
        move = self._invoice([(self.service, 1, 100)])
        move.action_mall_request_fapiao()
        with self.assertRaisesRegex(UserError, "红字确认单"):
            move.mall_fapiao_ids.action_void()

    def test_draft_invoice_cannot_request_a_fapiao(self):
        move = self.env["account.move"].create(
            {"move_type": "out_invoice", "partner_id": self.tenant.id}
        )
        with self.assertRaises(UserError):
            move.action_mall_request_fapiao()

    def test_callback_url_carries_the_company_secret(self):
        self.company.sudo().mall_fapiao_callback_secret = "s3cret"
        self.assertIn("/mall_einvoice/callback/", self.company._mall_fapiao_callback_url())
