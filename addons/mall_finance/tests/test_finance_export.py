import base64
import csv
import io
from datetime import date

from odoo.addons.mall_billing.tests.payment_common import LeaseInvoiceMixin
from odoo.exceptions import UserError
from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestFinanceExport(LeaseInvoiceMixin, HttpCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_mall("EXP")
        cls.tenant = cls._tenant("南京松果书店有限公司")
        cls.lease = cls._active_lease(cls.tenant, cls.units[0])
        cls.bills = cls.env["account.move"]
        for month in (1, 2, 3):
            cls.bills |= cls._bill(cls.lease, [("RENT", 1000.0 * month), ("PROPERTY", 100.0)],
                                   invoice_date=date(2026, month, 1),
                                   due=date(2026, month, 5))
        cls.payment = cls._pay(cls.bills[0], pay_date=date(2026, 1, 4))
        cls.env["ir.config_parameter"].sudo().set_param(
            "mall_billing.finance_api_token", "fin-token")

    def _wizard(self, **vals):
        return self.env["mall.finance.export.wizard"].create({
            "date_from": date(2026, 1, 1), "date_to": date(2026, 2, 28), **vals})

    def test_csv_export_has_one_row_per_invoice_of_the_range(self):
        wizard = self._wizard(content="invoices", file_format="csv")
        wizard.action_export()
        text = base64.b64decode(wizard.file_data).decode("utf-8-sig")
        rows = list(csv.reader(io.StringIO(text)))
        self.assertEqual(len(rows), 3, "a header and the two bills of January and February")
        self.assertEqual({row[0] for row in rows[1:]}, set(self.bills[:2].mapped("name")))

    def test_xlsx_export_of_payments_opens_as_a_workbook(self):
        wizard = self._wizard(content="payments", file_format="xlsx")
        wizard.action_export()
        data = base64.b64decode(wizard.file_data)
        self.assertEqual(data[:2], b"PK")
        self.assertTrue(wizard.file_name.endswith(".xlsx"))

    def test_an_empty_range_says_so(self):
        with self.assertRaises(UserError):
            self._wizard(date_from=date(2020, 1, 1), date_to=date(2020, 1, 31)).action_export()

    def _get(self, path, token="fin-token"):
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        return self.url_open(path, headers=headers)

    def test_api_pages_through_invoices_with_their_lines(self):
        response = self._get(
            "/mall/api/finance/invoices?date_from=2026-01-01&date_to=2026-03-31&limit=2")
        self.assertEqual(response.status_code, 200)
        body = response.json()
        self.assertEqual(body["total"], 3)
        self.assertEqual(body["next_page"], 2)
        self.assertEqual(body["data"][0]["number"], self.bills[0].name)
        self.assertEqual([line["charge"] for line in body["data"][0]["lines"]],
                         ["RENT", "PROPERTY"])
        last = self._get("/mall/api/finance/invoices?date_from=2026-01-01"
                         "&date_to=2026-03-31&limit=2&page=2").json()
        self.assertEqual(len(last["data"]), 1)
        self.assertIsNone(last["next_page"])

    def test_api_lists_payments(self):
        body = self._get(
            "/mall/api/finance/payments?date_from=2026-01-01&date_to=2026-01-31").json()
        self.assertEqual([row["number"] for row in body["data"]], [self.payment.name])
        self.assertEqual(body["data"][0]["invoices"], self.bills[0].name)

    def test_api_refuses_a_caller_without_the_token(self):
        self.assertEqual(self._get("/mall/api/finance/invoices?date_from=2026-01-01"
                                   "&date_to=2026-01-31", token=None).status_code, 401)
        self.assertEqual(self._get("/mall/api/finance/payments?date_from=2026-01-01"
                                   "&date_to=2026-01-31", token="wrong").status_code, 401)

    def test_api_refuses_bad_dates(self):
        response = self._get("/mall/api/finance/invoices?date_from=2026-13-01&date_to=x")
        self.assertEqual(response.status_code, 400)
