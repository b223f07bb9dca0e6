"""Bad input to the tenant's portal forms: a clear Chinese message, never a server error, and
nothing written."""

from unittest.mock import patch

from werkzeug.datastructures import FileStorage

from odoo import http
from odoo.addons.mall_tenant.models.res_partner_portal import LICENCE_MAX_BYTES
from odoo.tests import HttpCase, tagged

from .test_portal import PortalTenants

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
# The start of a Windows program (an MZ header with its PE signature), renamed to .pdf.
EXE = (
    b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00"
    + b"\x00" * 44
    + (b"\x80\x00\x00\x00")
    + b"\x00" * 64
    + b"PE\x00\x00L\x01\x03\x00"
    + b"\x00" * 200
)


@tagged("post_install", "-at_install")
class TestPortalLicenceInput(HttpCase, PortalTenants):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._portal_tenants()

    def setUp(self):
        super().setUp()
        self.authenticate("tenant_a", "tenant_a")

    def _post_licence(self, files=None, **data):
        return self.url_open(
            "/my/tenant/licence",
            data={"csrf_token": http.Request.csrf_token(self), "licence_expiry": "", **data},
            files=files or {"unused": ("unused.txt", b"", "text/plain")},
            timeout=60,
        )

    def _requests(self):
        return self.env["mall.licence.request"].search([("partner_id", "=", self.tenant_a.id)])

    def test_text_in_place_of_the_file_is_refused(self):
        response = self._post_licence(licence_file="not a file at all")
        self.assertEqual(response.status_code, 200)
        self.assertIn("请以文件形式发送营业执照扫描件", response.text)
        self.assertFalse(self._requests())

    def test_a_file_over_the_limit_is_refused(self):
        # the upload is never read whole (FileStorage.read() without a size): at most one byte
        # over the limit is
        whole = patch.object(
            FileStorage,
            "read",
            create=True,
            side_effect=AssertionError("the upload was read whole"),
        )
        with whole:
            self._check_file_over_the_limit()

    def _check_file_over_the_limit(self):
        # just over the limit: read at most one byte too many, then refused
        response = self._post_licence(
            files={
                "licence_file": ("licence.pdf", PDF + b"0" * LICENCE_MAX_BYTES, "application/pdf")
            }
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("文件超过 10 MB", response.text)
        # far over: refused from the request's length, before the file is read
        response = self._post_licence(
            files={
                "licence_file": (
                    "licence.pdf",
                    PDF + b"0" * (LICENCE_MAX_BYTES + 2**20),
                    "application/pdf",
                )
            }
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("文件超过 10 MB", response.text)
        self.assertFalse(self._requests())

    def test_a_program_renamed_pdf_is_refused(self):
        response = self._post_licence(
            files={"licence_file": ("licence.pdf", EXE, "application/pdf")}
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("请以 PDF、PNG 或 JPEG 文件提交营业执照", response.text)
        self.assertFalse(self._requests())

    def test_one_licence_waits_for_review_at_a_time(self):
        files = {"licence_file": ("licence.pdf", PDF, "application/pdf")}
        response = self._post_licence(files=files)
        self.assertEqual(response.status_code, 200)
        self.assertIn("message=licence_sent", response.url)
        response = self._post_licence(files=files)
        self.assertEqual(response.status_code, 200)
        self.assertIn("您提交的营业执照仍在等待商场审核", response.text)
        self.assertEqual(len(self._requests()), 1)
        # once reviewed, the tenant may send the next one
        self._requests().write({"rejection_reason": "扫描件不清晰"})
        self._requests().action_reject()
        self.assertIn("message=licence_sent", self._post_licence(files=files).url)
        self.assertEqual(len(self._requests()), 2)

    def test_an_expiry_date_that_is_a_file_is_refused(self):
        response = self._post_licence(
            files={
                "licence_file": ("licence.pdf", PDF, "application/pdf"),
                "licence_expiry": ("date.txt", b"2031-01-01", "text/plain"),
            }
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("到期日期不是有效日期", response.text)
        self.assertFalse(self._requests())


@tagged("post_install", "-at_install")
class TestPortalContactInput(HttpCase, PortalTenants):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._portal_tenants()

    def test_contact_form_with_a_file_is_refused(self):
        self.authenticate("tenant_a", "tenant_a")
        response = self.url_open(
            f"/my/tenant/contact/{self.contact_a.id}",
            data={"name": "王芳", "csrf_token": http.Request.csrf_token(self)},
            files={"phone": ("phone.exe", b"MZ" + b"\x00" * 100, "application/octet-stream")},
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("联系人表单只接受文字", response.text)
        self.assertEqual(self.contact_a.phone, "13800000001")

    def test_an_oversized_contact_id_is_not_found(self):
        self.authenticate("tenant_a", "tenant_a")
        response = self.url_open("/my/tenant/contact/99999999999999999999")
        self.assertEqual(response.status_code, 404)
