"""The electronic signature of a lease, on OCA's sign_oca: the request sent to both signatories
on approval, the landlord's signing page, and the signed PDF archived (locked, SHA-256, audit
trail) when sign_oca reports the request complete (``sign.oca.request._check_signed``)."""

import base64
import hashlib
from io import BytesIO

from odoo import _, fields, models
from odoo.exceptions import UserError
from odoo.tools.pdf import PdfReader

from .mall_lease_workflow import STAFF


class MallLease(models.Model):
    _inherit = "mall.lease"

    # The signature request, its signers and the audit trail (with the signers' IP
    # addresses) are staff's; the portal shows the tenant its own signing link in sudo.
    sign_request_id = fields.Many2one("sign.oca.request", readonly=True, copy=False, groups=STAFF)
    tenant_signer_id = fields.Many2one(
        "sign.oca.request.signer", readonly=True, copy=False, groups=STAFF
    )
    landlord_signer_id = fields.Many2one(
        "sign.oca.request.signer", readonly=True, copy=False, groups=STAFF
    )
    signed_date = fields.Datetime(readonly=True, copy=False)
    signed_pdf_id = fields.Many2one(
        "ir.attachment", string="Signed Contract", readonly=True, copy=False
    )
    signed_pdf_sha256 = fields.Char(string="Signed PDF SHA-256", readonly=True, copy=False)
    signature_audit = fields.Html(
        string="Signature Audit Trail", readonly=True, copy=False, sanitize=False, groups=STAFF
    )

    def _start_signature(self):
        """Approved → signing: render the contract PDF and send it through sign_oca to the
        tenant's signatory (portal) and the landlord's signatory (backend)."""
        self._check_state(("approved",), _("sent for signature"))
        tenant_role = self.env.ref("mall_contract.sign_role_tenant")
        landlord_role = self.env.ref("mall_contract.sign_role_landlord")
        signature_field = self.env.ref("sign_oca.sign_field_signature")
        for lease in self:
            if not lease.tenant_contact_id:
                raise UserError(_("Lease %(lease)s has no tenant signatory.", lease=lease.name))
            pdf = lease._render_contract_pdf()
            last_page = len(PdfReader(BytesIO(pdf)).pages)

            def item(role, x, field=signature_field, page=last_page):
                return {
                    "field_id": field.id,
                    "name": field.name,
                    "role_id": role.id,
                    "page": page,
                    "position_x": x,
                    "position_y": 82.0,
                    "width": 28.0,
                    "height": 8.0,
                    "placeholder": "",
                    "required": True,
                    "field_type": "signature",
                    "value": False,
                    "default_value": False,
                }

            landlord = lease.landlord_user_id or self.env.user
            request = (
                self.env["sign.oca.request"]
                .sudo()
                .create(
                    {
                        "name": _("Lease %(lease)s", lease=lease.name),
                        "data": base64.b64encode(pdf),
                        "filename": f"{lease.name}.pdf",
                        "record_ref": f"mall.lease,{lease.id}",
                        "user_id": landlord.id,
                        "company_id": lease.company_id.id,
                        "signatory_data": {
                            "1": item(tenant_role, 8.0),
                            "2": item(landlord_role, 60.0),
                        },
                        "signer_ids": [
                            (
                                0,
                                0,
                                {
                                    "partner_id": lease.tenant_contact_id.id,
                                    "role_id": tenant_role.id,
                                },
                            ),
                            (
                                0,
                                0,
                                {"partner_id": landlord.partner_id.id, "role_id": landlord_role.id},
                            ),
                        ],
                    }
                )
            )
            request.action_send()
            signers = request.signer_ids
            lease.write(
                {
                    "state": "signing",
                    "sign_request_id": request.id,
                    "landlord_user_id": landlord.id,
                    "tenant_signer_id": signers.filtered(lambda s: s.role_id == tenant_role).id,
                    "landlord_signer_id": signers.filtered(lambda s: s.role_id == landlord_role).id,
                }
            )
            if lease.tenant_contact_id not in lease.message_partner_ids:
                lease.message_subscribe(partner_ids=lease.tenant_contact_id.ids)
            lease._log_step(
                _(
                    "Sent for electronic signature to %(tenant)s and %(landlord)s.",
                    tenant=lease.tenant_contact_id.name,
                    landlord=landlord.name,
                )
            )
        return True

    def _cancel_signature(self):
        """A rejected lease: its pending signature request is cancelled and forgotten."""
        requests = self.sign_request_id.filtered(lambda r: r.state in ("0_sent", "1_draft"))
        if requests:
            requests.sudo().cancel()
        self.sudo().write(
            {"sign_request_id": False, "tenant_signer_id": False, "landlord_signer_id": False}
        )

    def action_sign_landlord(self):
        """Open sign_oca's signing page for the landlord's signatory."""
        self.ensure_one()
        if self.state != "signing" or not self.landlord_signer_id:
            raise UserError(_("This lease is not waiting for a signature."))
        return self.landlord_signer_id.sign()

    def action_open_sign_request(self):
        """Open the lease's signature request."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "sign.oca.request",
            "res_id": self.sign_request_id.id,
            "view_mode": "form",
        }

    def _on_signature_completed(self, request):
        """sign_oca has all signatures: archive the signed PDF (read-only, SHA-256) with the
        audit trail, then activate the lease."""
        self.ensure_one()
        if self.state != "signing" or request != self.sign_request_id:
            return
        pdf = base64.b64decode(request.data)
        digest = hashlib.sha256(pdf).hexdigest()
        attachment = (
            self.env["ir.attachment"]
            .sudo()
            .create(
                {
                    "name": f"{self.name}-signed.pdf",
                    "raw": pdf,
                    "mimetype": "application/pdf",
                    "res_model": self._name,
                    "res_id": self.id,
                    "mall_locked": True,
                }
            )
        )
        logs = (
            self.env["sign.oca.request.log"]
            .sudo()
            .search([("request_id", "=", request.id)], order="date, id")
        )
        actions = dict(logs._fields["action"]._description_selection(self.env))
        rows = [
            (log.date, log.partner_id.name, actions.get(log.action, log.action), log.ip)
            for log in logs
        ]
        # sign_oca logs the last signature only after this hook: the signers' own records
        # complete the trail.
        rows += [
            (
                signer.signed_on,
                signer.partner_id.name,
                actions.get("sign", "sign"),
                signer.signature_hash,
            )
            for signer in request.signer_ids.sorted("signed_on")
        ]
        qweb = self.env["ir.qweb"]
        audit = qweb._render(
            "mall_contract.lease_signature_audit",
            {
                "rows": [
                    (fields.Datetime.to_string(date), who or "", action, where or "")
                    for date, who, action, where in rows
                ],
                "digest": digest,
            },
        )
        self.sudo().write(
            {
                "signed_pdf_id": attachment.id,
                "signed_pdf_sha256": digest,
                "signed_date": fields.Datetime.now(),
                "signature_audit": audit,
            }
        )
        self.sudo().message_post(
            body=qweb._render("mall_contract.lease_signed_message", {"audit": audit}),
            attachment_ids=attachment.ids,
            subtype_xmlid="mail.mt_note",
        )
        self.sudo()._activate()
