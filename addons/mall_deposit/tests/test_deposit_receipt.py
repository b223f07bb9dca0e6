import io
import unicodedata

from PyPDF2 import PdfReader

from odoo.addons.mall_billing.tests.payment_common import LeaseInvoiceMixin
from odoo.exceptions import UserError
from odoo.tests import HttpCase, tagged


def pdf_text(pdf):
    """The text of a PDF without whitespace (wkhtmltopdf splits lines anywhere)."""
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    return "".join(unicodedata.normalize("NFKC", text).split())


@tagged("post_install", "-at_install")
class TestDepositReceipt(LeaseInvoiceMixin, HttpCase):
    """A deposit is no revenue: its invoice gets a numbered receipt (收据), which the tenant
    downloads from the portal, and no one else."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_mall("RCT")
        cls.tenant = cls._tenant("上海深蓝咖啡有限公司", login="rct_tenant")
        cls.other = cls._tenant("苏州白桦服饰有限公司", login="rct_other")
        (cls.tenant | cls.other).lang = "zh_CN"
        cls.lease = cls._active_lease(cls.tenant, cls.units[0], deposit_lease=10000.0)
        cls.other_lease = cls._active_lease(cls.other, cls.units[1], deposit_lease=8000.0)
        cls.deposit = cls._bill(cls.lease, [("DEPOSIT_LEASE", 10000.0)])
        cls.other_deposit = cls._bill(cls.other_lease, [("DEPOSIT_LEASE", 8000.0)])
        cls.rent = cls._bill(cls.lease, [("RENT", 3000.0)])

    def test_deposit_invoices_are_told_apart_and_numbered(self):
        self.assertTrue(self.deposit.mall_is_deposit)
        self.assertFalse(self.rent.mall_is_deposit, "rent is revenue: it gets a fapiao")
        self.assertRegex(self.deposit.mall_receipt_number, r"^SJ\d{4}\d{6}$")
        numbers = (self.deposit | self.other_deposit).mapped("mall_receipt_number")
        self.assertEqual(len(set(numbers)), 2)
        self.assertFalse(self.rent.mall_receipt_number)
        liability = self.deposit.invoice_line_ids.account_id
        self.assertTrue(liability.account_type.startswith("liability"))
        with self.assertRaises(UserError):
            self.rent.action_mall_print_deposit_receipt()

    def test_receipt_pdf_is_in_chinese_with_the_amount_in_capitals(self):
        pdf, kind = (
            self.env["ir.actions.report"]
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf("mall_deposit.action_report_deposit_receipt", self.deposit.ids)
        )
        self.assertEqual(kind, "pdf")
        text = pdf_text(pdf)
        self.assertIn("收据", text)
        self.assertIn(self.deposit.mall_receipt_number, text)
        self.assertIn("上海深蓝咖啡有限公司", text)
        self.assertIn("壹万元整", text)

    def test_a_tenant_downloads_its_own_receipt_and_no_other(self):
        self.authenticate("rct_tenant", "rct_tenant-pw1")
        page = self.url_open(f"/my/invoices/{self.deposit.id}").text
        self.assertIn(f"/my/invoices/{self.deposit.id}/receipt", page)
        rent_page = self.url_open(f"/my/invoices/{self.rent.id}").text
        self.assertNotIn(f"/my/invoices/{self.rent.id}/receipt", rent_page)
        response = self.url_open(f"/my/invoices/{self.deposit.id}/receipt")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.headers["Content-Type"], "application/pdf")
        # under test Odoo renders reports as HTML: the receipt's text is read as it is
        self.assertIn("壹万元整", response.content.decode())
        self.assertIn(self.deposit.mall_receipt_number, response.content.decode())
        stolen = self.url_open(
            f"/my/invoices/{self.other_deposit.id}/receipt", allow_redirects=False
        )
        self.assertNotEqual(stolen.headers.get("Content-Type"), "application/pdf")
        self.assertIn(stolen.status_code, (303, 302, 403, 404))
