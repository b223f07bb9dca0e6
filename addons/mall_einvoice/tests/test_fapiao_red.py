import json
from datetime import timedelta

import requests

from odoo import fields
from odoo.exceptions import UserError, ValidationError
from odoo.tests import TransactionCase, tagged

from .common import FapiaoCaseMixin


@tagged("post_install", "-at_install")
class TestFapiaoRedFlush(FapiaoCaseMixin, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_fapiao()

    def _red_form(self, blue, **line_changes):
        action = blue.action_red_flush()
        form = self.env["mall.fapiao.red.form"].browse(action["res_id"])
        for line in form.line_ids:
            changes = line_changes.get(line.blue_line_id.product_id.name)
            if changes:
                line.write(changes)
        return form

    def _follow(self, form):
        for _i in range(60):
            form.action_refresh()
            if form.red_fapiao_id.state in ("issued", "failed"):
                return

    def test_full_red_flush_without_buyer_confirmation_issues_red_and_credit_note(self):
        blue = self._issued([(self.service, 2, 500)])
        form = self._red_form(blue)
        self.assertEqual(form.scope, "full")
        self.assertEqual(form.amount_total, -1060.0)
        form.action_submit()
        self.assertEqual(form.state, "01")
        self._follow(form)
        red = form.red_fapiao_id
        self.assertEqual(red.state, "issued")
        self.assertTrue(red.is_red)
        self.assertEqual(len(red.number), 20)
        self.assertNotEqual(red.number, blue.number)
        self.assertEqual((red.amount_untaxed, red.amount_tax), (-1000.0, -60.0))
        self.assertEqual(red.amount_total_words, "负壹仟零陆拾元整")
        credit = red.credit_note_id
        self.assertEqual(credit.move_type, "out_refund")
        self.assertEqual(credit.state, "posted")
        self.assertEqual(credit.reversed_entry_id, blue.move_id)
        self.assertAlmostEqual(credit.amount_total, 1060.0)
        # Accounting's own reversal of the invoice: the same lines, settling it
        self.assertEqual(
            credit.invoice_line_ids.mapped(
                lambda aml: (aml.product_id, aml.quantity, aml.price_unit)
            ),
            [(self.service, 2.0, 500.0)],
        )
        self.assertEqual(credit.invoice_line_ids.tax_ids, self.tax6)
        self.assertEqual(blue.move_id.payment_state, "reversed")
        self.assertTrue(blue.move_id.currency_id.is_zero(credit.amount_residual))
        self.assertEqual(blue.red_state, "full")
        self.assertEqual(blue.move_id.mall_fapiao_state, "reversed")
        with self.assertRaisesRegex(UserError, "全额红冲"):
            blue.action_red_flush()

    def test_partial_red_flush_per_line_after_buyer_confirms(self):
        blue = self._issued([(self.service, 4, 100)])
        self.sim_control(buyer_confirmed=[blue.number])
        form = self._red_form(blue, **{"物业管理费": {"quantity": 1}})
        self.assertEqual(form.scope, "partial")
        form.action_submit()
        self.assertEqual(form.state, "02")
        self.assertFalse(form.red_fapiao_id)
        self.sim_control(buyer_answer={form.name: "1"})
        self._follow(form)
        self.assertEqual(form.state, "04")
        red = form.red_fapiao_id
        self.assertEqual(red.state, "issued")
        self.assertEqual(red.line_ids.quantity, -1)
        self.assertEqual(red.amount_total, -106.0)
        self.assertAlmostEqual(red.credit_note_id.amount_total, 106.0)
        self.assertEqual(blue.red_state, "partial")
        self.assertEqual(blue.move_id.mall_fapiao_state, "issued")
        # what is left can still be reversed, not more
        second = self._red_form(blue)
        self.assertEqual(second.line_ids.quantity, 3)
        with self.assertRaises(ValidationError):
            second.line_ids.quantity = 4

    def test_credit_note_carries_only_what_the_red_fapiao_reverses(self):
        blue = self._issued([(self.service, 2, 500), (self.service, 1, 300)])
        self.assertEqual(blue.amount_total, 1378.0)
        form = self._red_form(blue)
        first, second = form.line_ids
        self.assertEqual((first.quantity, second.quantity), (2, 1))
        first.quantity = 1
        second.quantity = 0  # not reversed
        form.action_submit()
        self._follow(form)
        red = form.red_fapiao_id
        self.assertEqual(red.state, "issued")
        self.assertEqual(red.amount_total, -530.0)
        credit = red.credit_note_id
        self.assertEqual(credit.state, "posted")
        self.assertEqual(credit.move_type, "out_refund")
        self.assertEqual(credit.reversed_entry_id, blue.move_id)
        self.assertIn(red.number, credit.ref)
        self.assertEqual(
            credit.invoice_line_ids.mapped(
                lambda aml: (aml.product_id, aml.quantity, aml.price_unit)
            ),
            [(self.service, 1.0, 500.0)],
        )
        self.assertEqual((credit.amount_untaxed, credit.amount_tax), (500.0, 30.0))
        # reconciled with the open invoice: 1378 − 530 are left to pay
        self.assertTrue(credit.currency_id.is_zero(credit.amount_residual))
        self.assertAlmostEqual(blue.move_id.amount_residual, 848.0)
        self.assertEqual(blue.red_state, "partial")

    def test_buyer_refusal_voids_the_form(self):
        blue = self._issued([(self.service, 1, 100)])
        self.sim_control(buyer_confirmed=[blue.number])
        form = self._red_form(blue)
        form.action_submit()
        self.sim_control(buyer_answer={form.name: "0"})
        form.action_refresh()
        self.assertEqual(form.state, "05")
        self.assertFalse(form.red_fapiao_id)
        self.assertEqual(blue.red_state, "none")

    def test_form_not_confirmed_within_72_hours_lapses(self):
        blue = self._issued([(self.service, 1, 100)])
        self.sim_control(buyer_confirmed=[blue.number])
        form = self._red_form(blue)
        form.action_submit()
        self.assertEqual(form.state, "02")
        self.assertEqual(form.lapse_date, form.submit_date + timedelta(hours=72))
        self.sim_control(advance_hours=73)
        try:
            self.env["mall.fapiao.red.form"]._cron_refresh()
        finally:
            self.sim_control(advance_hours=-73)
        self.assertEqual(form.state, "07")

    def test_form_lapses_locally_when_the_provider_is_silent(self):
        blue = self._issued([(self.service, 1, 100)])
        self.sim_control(buyer_confirmed=[blue.number])
        form = self._red_form(blue)
        form.action_submit()
        form.submit_date = fields.Datetime.now() - timedelta(hours=73)
        self.company.sudo().mall_fapiao_url = "http://127.0.0.1:9"  # nobody listens
        form.action_refresh()
        self.assertEqual(form.state, "07")

    def test_seller_revokes_a_waiting_form(self):
        blue = self._issued([(self.service, 1, 100)])
        self.sim_control(buyer_confirmed=[blue.number])
        form = self._red_form(blue)
        form.action_submit()
        form.action_revoke()
        self.assertEqual(form.state, "08")
        with self.assertRaises(UserError):
            form.action_revoke()

    def test_form_raised_by_the_buyer_is_agreed_by_the_seller(self):
        blue = self._issued([(self.service, 1, 100)])
        adapter = self.adapter()
        answer = requests.post(
            f"{self.sim_url}/_sim/control",
            data=json.dumps({"buyer_raise": blue.number}),
            timeout=5,
        ).json()
        form = self.env["mall.fapiao.red.form"].create(
            dict(self.env["mall.fapiao.red.form"]._prepare_vals(blue), name=answer["billId"])
        )
        form.write({"state": "03", "submit_date": fields.Datetime.now()})
        form.action_refresh()
        self.assertEqual(form.state, "03")
        form.action_confirm()
        self.assertEqual(form.state, "04")
        self.assertEqual(adapter.red_form_query(form.name)["state"], "04")

    def test_submitting_a_red_form_twice_changes_nothing_the_second_time(self):
        blue = self._issued([(self.service, 1, 100)])
        form = self._red_form(blue)
        forms_before = self._sim_stats()["forms"]
        form.action_submit()
        self._follow(form)
        seen = (form.state, form.name, form.submit_date, form.red_fapiao_id)
        self.assertEqual(form.red_fapiao_id.state, "issued")
        messages = len(form.message_ids)
        # a double click: the second request read the form while the first was under way
        form._fields["state"]._update_cache(form, "draft")
        form.action_submit()
        self.assertEqual((form.state, form.name, form.submit_date, form.red_fapiao_id), seen)
        self.assertEqual(self._sim_stats()["forms"] - forms_before, 1, "one form at the provider")
        self.assertEqual(len(form.message_ids), messages)
        self.assertEqual(len(blue.red_ids), 1)
        self.assertEqual(
            self.env["account.move"].search_count([("reversed_entry_id", "=", blue.move_id.id)]),
            1,
            "one credit note",
        )
