import base64
import csv
import io
from datetime import date

import openpyxl

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
            cls.bills |= cls._bill(
                cls.lease,
                [("RENT", 1000.0 * month), ("PROPERTY", 100.0)],
                invoice_date=date(2026, month, 1),
                due=date(2026, month, 5),
            )
        cls.payment = cls._pay(cls.bills[0], pay_date=date(2026, 1, 4))
        cls.api_user = cls._integration_user("finance_api", "mall_finance.group_finance_api")
        cls.key = cls._api_key(cls.api_user)
        cls.clerk_key = cls._api_key(cls._integration_user("finance_clerk", "base.group_user"))
        cls.other_bill = cls._other_company_bill()

    @classmethod
    def _integration_user(cls, login, group):
        return (
            cls.env["res.users"]
            .with_context(no_reset_password=True)
            .create(
                {
                    "login": login,
                    "name": login,
                    "company_id": cls.env.company.id,
                    "company_ids": [(6, 0, cls.env.company.ids)],
                    "group_ids": [(6, 0, [cls.env.ref(group).id])],
                }
            )
        )

    @classmethod
    def _api_key(cls, user):
        return cls.env["res.users.apikeys"].with_user(user).sudo()._generate(None, "财务系统", None)

    @classmethod
    def _other_company_bill(cls):
        """A posted lease invoice of another company, in the same months."""
        company = cls.env["res.company"].create(
            {"name": "另一家商业管理有限公司", "currency_id": cls.env.company.currency_id.id}
        )
        cls.env["account.chart.template"].try_loading(
            cls.env.company.chart_template, company, install_demo=False
        )
        env = cls.env(context=dict(cls.env.context, allowed_company_ids=company.ids))
        mall = env["mall.mall"].create(
            {"name": "别家广场", "code": "EXB", "company_id": company.id}
        )
        floor = env["mall.floor"].create({"name": "1F", "level": 1, "mall_id": mall.id})
        unit = env["mall.unit"].create(
            {
                "code": "EXB-1",
                "mall_id": mall.id,
                "floor_id": floor.id,
                "gross_area": 120.0,
                "leasable_area": 100.0,
                "usable_area": 90.0,
            }
        )
        lease = env["mall.lease"]._demo_create_active(
            [
                {
                    "mall_id": mall.id,
                    "tenant_id": cls.tenant.id,
                    "date_start": date(2025, 1, 1),
                    "date_end": date(2027, 12, 31),
                    "line_ids": [(0, 0, {"unit_id": unit.id, "price": 200.0})],
                }
            ]
        )
        rent = env.ref("mall_billing.charge_type_rent")
        bill = env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": cls.tenant.id,
                "company_id": company.id,
                "mall_lease_id": lease.id,
                "invoice_date": date(2026, 1, 1),
                "invoice_date_due": date(2026, 1, 5),
                "invoice_line_ids": [
                    (
                        0,
                        0,
                        {
                            "product_id": rent.product_id.id,
                            "name": rent.name,
                            "quantity": 1,
                            "price_unit": 777.0,
                            "tax_ids": [(6, 0, [])],
                        },
                    )
                ],
            }
        )
        bill.action_post()
        return bill

    def _wizard(self, **vals):
        # the company switcher's choice, as the web client sends it
        return (
            self.env["mall.finance.export.wizard"]
            .with_context(allowed_company_ids=self.env.company.ids)
            .create({"date_from": date(2026, 1, 1), "date_to": date(2026, 2, 28), **vals})
        )

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

    def test_cells_a_spreadsheet_would_run_as_formulas_are_exported_as_text(self):
        self.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=self.bills[1].ids
        ).create(
            {"payment_date": date(2026, 2, 3), "communication": '=HYPERLINK("x")'}
        )._create_payments()
        wizard = self._wizard(content="payments", file_format="csv")
        wizard.action_export()
        rows = list(csv.reader(io.StringIO(base64.b64decode(wizard.file_data).decode("utf-8-sig"))))
        memos = [row[8] for row in rows[1:]]
        self.assertIn('\'=HYPERLINK("x")', memos)
        wizard = self._wizard(content="payments", file_format="xlsx")
        wizard.action_export()
        sheet = openpyxl.load_workbook(io.BytesIO(base64.b64decode(wizard.file_data))).active
        cells = [cell for row in sheet.iter_rows(min_row=2) for cell in row]
        self.assertIn('\'=HYPERLINK("x")', [cell.value for cell in cells])
        self.assertFalse([cell for cell in cells if cell.data_type == "f"], "no formula")

    def test_an_empty_range_says_so(self):
        with self.assertRaises(UserError):
            self._wizard(date_from=date(2020, 1, 1), date_to=date(2020, 1, 31)).action_export()

    def _get(self, path, token=None):
        token = self.key if token is None else token
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        return self.url_open(path, headers=headers)

    def test_api_pages_through_invoices_with_their_lines(self):
        response = self._get(
            "/mall/api/finance/invoices?date_from=2026-01-01&date_to=2026-03-31&limit=2"
        )
        self.assertEqual(response.status_code, 200)
        body = response.json()
        self.assertEqual(body["total"], 3)
        self.assertEqual(body["next_page"], 2)
        self.assertEqual(body["data"][0]["number"], self.bills[0].name)
        self.assertEqual(
            [line["charge"] for line in body["data"][0]["lines"]], ["RENT", "PROPERTY"]
        )
        last = self._get(
            "/mall/api/finance/invoices?date_from=2026-01-01&date_to=2026-03-31&limit=2&page=2"
        ).json()
        self.assertEqual(len(last["data"]), 1)
        self.assertIsNone(last["next_page"])

    def test_api_lists_payments(self):
        body = self._get(
            "/mall/api/finance/payments?date_from=2026-01-01&date_to=2026-01-31"
        ).json()
        self.assertEqual([row["number"] for row in body["data"]], [self.payment.name])
        self.assertEqual(body["data"][0]["invoices"], self.bills[0].name)

    def test_api_refuses_a_caller_without_a_valid_key_in_json(self):
        for path, token in (("invoices", False), ("payments", "wrong")):
            response = self._get(
                f"/mall/api/finance/{path}?date_from=2026-01-01&date_to=2026-01-31", token=token
            )
            self.assertEqual(response.status_code, 401)
            self.assertIn("API 密钥", response.json()["error"])

    def test_a_key_without_the_finance_api_group_is_refused(self):
        response = self._get(
            "/mall/api/finance/invoices?date_from=2026-01-01&date_to=2026-01-31",
            token=self.clerk_key,
        )
        self.assertEqual(response.status_code, 403)
        self.assertEqual(response.json()["error"], "此 API 密钥无权读取发票和付款。")

    def test_a_key_of_one_company_never_reads_another_companys_invoices(self):
        self.assertEqual(self.other_bill.state, "posted")
        body = self._get(
            "/mall/api/finance/invoices?date_from=2026-01-01&date_to=2026-01-31"
        ).json()
        self.assertEqual([row["number"] for row in body["data"]], [self.bills[0].name])
        self.assertNotIn(777.0, [row["amount_total"] for row in body["data"]])

    def test_api_refuses_bad_dates(self):
        response = self._get("/mall/api/finance/invoices?date_from=2026-13-01&date_to=x")
        self.assertEqual(response.status_code, 400)
        self.assertEqual(response.json()["error"], "日期格式为 YYYY-MM-DD。")
