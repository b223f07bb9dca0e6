import base64
import hashlib
import io
from datetime import date, timedelta

from PyPDF2 import PdfReader

from odoo import fields
from odoo.exceptions import UserError
from odoo.tests import HttpCase, tagged

from .common import SIGNATURE_PNG, MallLeaseCase


@tagged("post_install", "-at_install")
class TestLeaseSignature(MallLeaseCase, HttpCase):
    def _signing_lease(self, **vals):
        today = fields.Date.today()
        lease = self._lease(
            start=today - timedelta(days=10),
            end=today + timedelta(days=700),
            date_handover=today - timedelta(days=10),
            date_opening=today + timedelta(days=60),
            **vals,
        )
        lease.with_user(self.clerk).action_submit()
        lease.with_user(self.manager).action_approve()
        return lease

    def test_contract_pdf_has_extractable_chinese_text(self):
        pdf = self._lease()._render_contract_pdf()
        text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
        compact = "".join(text.split())
        self.assertIn("上海星光餐饮管理有限公司", compact)
        self.assertIn("租赁合同", compact)

    def test_approval_sends_the_contract_to_both_signatories(self):
        lease = self._signing_lease()
        self.assertEqual(lease.state, "signing")
        request = lease.sign_request_id
        self.assertEqual(request.state, "0_sent")
        self.assertEqual(request.record_ref, lease)
        self.assertEqual(lease.tenant_signer_id.partner_id, self.contact)
        self.assertEqual(lease.landlord_signer_id.partner_id, self.manager.partner_id)
        self.assertTrue(lease.tenant_signer_id.access_token)

    def test_tenant_signs_in_portal_and_landlord_in_backend_then_lease_is_active(self):
        lease = self._signing_lease()
        signer = lease.tenant_signer_id
        # The portal lease page shows the tenant the sign_oca link.
        self.authenticate("lease_portal", "lease_portal")
        page = self.url_open(f"/my/leases/{lease.id}")
        self.assertIn(signer.access_url, page.text)
        # The tenant signs through sign_oca's own portal route.
        items = {
            key: dict(item, value=SIGNATURE_PNG)
            for key, item in lease.sign_request_id.signatory_data.items()
        }
        response = self.make_jsonrpc_request(
            f"/sign_oca/sign/{signer.id}/{signer.access_token}", {"items": items}
        )
        self.assertIn("url", response)
        lease.invalidate_recordset()
        signer.invalidate_recordset()
        self.assertTrue(signer.signed_on)
        self.assertEqual(lease.state, "signing")
        # The landlord signs in the backend.
        with self.assertRaisesRegex(UserError, "不在等待签署"):
            self._lease(units=self.unit_b).action_sign_landlord()
        self.assertEqual(
            lease.with_user(self.manager).action_sign_landlord()["type"], "ir.actions.act_url"
        )
        self._sign(lease.landlord_signer_id, self.manager)
        self.assertEqual(lease.sign_request_id.state, "2_signed")
        self.assertEqual(lease.state, "active")
        pdf = lease.signed_pdf_id.raw
        self.assertEqual(lease.signed_pdf_sha256, hashlib.sha256(pdf).hexdigest())
        self.assertEqual(pdf, base64.b64decode(lease.sign_request_id.data))
        self.assertTrue(lease.signed_pdf_id.mall_locked)
        self.assertIn(lease.signed_pdf_sha256, lease.signature_audit)
        self.assertIn(self.contact.name, lease.signature_audit)
        with self.assertRaisesRegex(UserError, "不能修改"):
            lease.signed_pdf_id.raw = b"forged"
        with self.assertRaisesRegex(UserError, "不能删除"):
            lease.signed_pdf_id.unlink()
        # Handed over, not open yet: the unit is fitting out.
        self.assertEqual(self.unit_a.state, "fitting_out")
        self.assertEqual(self.unit_a.tenant_id, self.tenant)

    def test_lease_is_not_active_until_both_have_signed(self):
        lease = self._signing_lease()
        self._sign(lease.landlord_signer_id, self.manager)
        self.assertEqual(lease.state, "signing")
        self.assertFalse(lease.signed_pdf_id)
        self.assertEqual(self.unit_a.state, "vacant")

    def test_rejection_during_signing_cancels_the_request(self):
        lease = self._signing_lease()
        request = lease.sign_request_id
        lease.with_user(self.manager).action_reject("条款需修改")
        self.assertEqual(request.state, "3_cancel")
        self.assertEqual(lease.state, "draft")

    def test_signature_before_handover_marks_unit_signed(self):
        today = fields.Date.today()
        lease = self._lease(
            start=today + timedelta(days=30),
            end=today + timedelta(days=400),
            date_opening=today + timedelta(days=60),
        )
        lease.with_user(self.clerk).action_submit()
        lease.with_user(self.manager).action_approve()
        lease.tenant_signer_id.sudo().action_sign(
            {
                k: dict(v, value=SIGNATURE_PNG)
                for k, v in lease.sign_request_id.signatory_data.items()
            }
        )
        self._sign(lease.landlord_signer_id, self.manager)
        self.assertEqual(lease.state, "active")
        self.assertEqual(self.unit_a.state, "signed")
        self.assertEqual(date.today() < lease.date_start, True)
