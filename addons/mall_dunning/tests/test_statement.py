from datetime import date

from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged

from .notice_common import NoticeCase, pdf_text


@tagged("post_install", "-at_install")
class TestStatement(NoticeCase, HttpCase):
    """Monthly statements (对账单): figures from the books, PDF in Chinese, each tenant sees
    only their own in the portal."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Users = cls.env["res.users"].with_context(no_reset_password=True)
        cls.portal_user, cls.other_portal_user = Users.create(
            [
                {
                    "login": login,
                    "password": login + "pw1",
                    "partner_id": partner.id,
                    "group_ids": [(6, 0, [cls.env.ref("base.group_portal").id])],
                }
                for login, partner in (
                    ("stmt_portal", cls.contact),
                    ("stmt_portal2", cls.other_contact),
                )
            ]
        )
        feb = cls._invoice(cls.lease, date(2026, 2, 1), [(cls.rent, 10000.0)])
        mar = cls._invoice(cls.lease, date(2026, 3, 1), [(cls.property_fee, 5000.0)])
        cls._pay(feb, 8000.0, date(2026, 3, 10))
        cls._invoice(cls.other_lease, date(2026, 3, 1), [(cls.rent, 7000.0)])
        del mar
        Statement = cls.env["mall.statement"]
        cls.statement = Statement._generate(date(2026, 3, 1), partners=cls.tenant)
        cls.other_statement = Statement._generate(date(2026, 3, 1), partners=cls.other_tenant)

    def test_statement_figures_come_from_the_books(self):
        self.assertRecordValues(
            self.statement,
            [
                {
                    "date_from": date(2026, 3, 1),
                    "date_to": date(2026, 3, 31),
                    "opening_balance": 10000.0,
                    "invoiced_amount": 5000.0,
                    "paid_amount": 8000.0,
                    "closing_balance": 7000.0,
                }
            ],
        )
        self.assertEqual(self.statement.line_ids.mapped("balance"), [15000.0, 7000.0])
        self.assertEqual(self.statement._charge_summary(), [(self.property_fee.name, 5000.0)])

    def test_statement_pdf_is_in_chinese(self):
        pdf, _fmt = (
            self.env["ir.actions.report"]
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf("mall_dunning.action_report_statement", self.statement.ids)
        )
        text = pdf_text(pdf)
        self.assertIn("对账单", text)
        self.assertIn("上海星光餐饮管理有限公司", text)
        self.assertIn("柒仟元整", text)

    def test_tenant_sees_only_their_own_statements(self):
        Statement = self.env["mall.statement"]
        self.assertEqual(Statement.with_user(self.portal_user).search([]), self.statement)
        with self.assertRaises(AccessError):
            self.other_statement.with_user(self.portal_user).read(["closing_balance"])
        self.authenticate(self.portal_user.login, self.portal_user.login + "pw1")
        page = self.url_open("/my/statements")
        self.assertIn("/my/statements/%d" % self.statement.id, page.text)
        self.assertNotIn("/my/statements/%d" % self.other_statement.id, page.text)
        response = self.url_open("/my/statements/%d" % self.other_statement.id)
        self.assertNotEqual(response.headers.get("Content-Type"), "application/pdf")
        response = self.url_open("/my/statements/%d?download=1" % self.statement.id)
        self.assertEqual(response.headers.get("Content-Type"), "application/pdf")
        self.assertIn("attachment", response.headers.get("Content-Disposition"))

    def test_tenant_downloads_the_payment_notice_of_their_own_invoices_only(self):
        mine = self.env["account.move"].search([("mall_lease_id", "=", self.lease.id)], limit=1)
        theirs = self.env["account.move"].search(
            [("mall_lease_id", "=", self.other_lease.id)], limit=1
        )
        self.authenticate(self.portal_user.login, self.portal_user.login + "pw1")
        page = self.url_open(f"/my/invoices/{mine.id}")
        self.assertIn(f"/my/invoices/{mine.id}/payment_notice", page.text)
        response = self.url_open(f"/my/invoices/{mine.id}/payment_notice")
        self.assertEqual(response.headers.get("Content-Type"), "application/pdf")
        response = self.url_open(f"/my/invoices/{theirs.id}/payment_notice")
        self.assertNotEqual(response.headers.get("Content-Type"), "application/pdf")
