"""What a tenant may do to its own record from the portal: keep its contacts up to date and send
a renewed business licence for review. The portal controller is thin; these methods decide."""

import base64
import os

from odoo import _, fields, models
from odoo.exceptions import UserError
from odoo.tools import single_email_re
from odoo.tools.mimetypes import guess_mimetype

# What a tenant may change about its contacts from the portal; anything else stays with staff.
PORTAL_CONTACT_FIELDS = ("name", "function", "phone", "email")
LICENCE_EXTENSIONS = (".pdf", ".png", ".jpg", ".jpeg")
# The file types a licence scan may be, told by its bytes (a renamed program is not a scan).
LICENCE_MIMETYPES = ("application/pdf", "image/png", "image/jpeg")
LICENCE_MAX_BYTES = 10 * 1024 * 1024


class ResPartner(models.Model):
    _inherit = "res.partner"

    mall_portal_admin = fields.Boolean(
        string="Tenant Administrator",
        copy=False,
        tracking=True,
        help="This contact manages the tenant's contacts in the portal: only the administrator "
        "may add contacts and edit the others. Set by the mall's staff.",
    )

    def _mall_portal_contacts(self):
        """The tenant's people, as its portal users may see them."""
        self.ensure_one()
        return self.with_context(active_test=True).search(
            [("parent_id", "=", self.id), ("is_company", "=", False), ("type", "=", "contact")],
            order="name, id",
        )

    def _mall_portal_manages_contacts(self, editor):
        """Whether ``editor`` (a partner) may add contacts to this tenant and edit the other
        contacts: the tenant's administrator contact, or a user logged in as the company
        itself."""
        self.ensure_one()
        return editor == self or (editor.parent_id == self and editor.mall_portal_admin)

    def _mall_portal_editable_contacts(self, editor):
        """The contacts of this tenant ``editor`` may edit from the portal: all of them for its
        administrator contact, otherwise only the editor's own."""
        contacts = self._mall_portal_contacts()
        if self._mall_portal_manages_contacts(editor):
            return contacts
        return contacts.filtered(lambda contact: contact == editor)

    def _mall_portal_save_contact(self, contact_id, values):
        """Create (no ``contact_id``) or update a contact of this tenant from the portal, as
        the current user.

        Only the fields of ``PORTAL_CONTACT_FIELDS`` are taken; the contact must belong to this
        tenant, so a tenant can never reach another tenant's people. A user edits its own
        contact; only the tenant's administrator contact adds contacts and edits the others.
        The e-mail of a contact who logs into the portal never changes here: password resets
        go to it, so the mall changes it. Called in sudo by the portal controller on the
        user's own commercial partner. Returns the contact."""
        self.ensure_one()
        if any(not isinstance(values.get(f) or "", str) for f in PORTAL_CONTACT_FIELDS):
            raise UserError(_("The contact form takes text only: remove the attached file."))
        vals = {f: (values.get(f) or "").strip() for f in PORTAL_CONTACT_FIELDS}
        if not vals["name"]:
            raise UserError(_("A contact needs a name."))
        if vals["email"] and not single_email_re.match(vals["email"]):
            raise UserError(_("%(email)s is not a valid email address.", email=vals["email"]))
        editor = self.env.user.partner_id
        if contact_id:
            contact = self._mall_portal_contacts().filtered(lambda c: c.id == contact_id)
            if not contact:
                raise UserError(_("This contact is not one of your company's."))
            if contact not in self._mall_portal_editable_contacts(editor):
                raise UserError(
                    _(
                        "Only your company's administrator contact may change other contacts: "
                        "please ask them, or the mall's leasing team."
                    )
                )
            if (
                vals["email"].lower() != (contact.email or "").strip().lower()
                and contact.with_context(active_test=False).user_ids
            ):
                raise UserError(
                    _(
                        "%(name)s logs into the portal with this e-mail address, so it cannot be "
                        "changed here: please ask the mall's leasing team to change it.",
                        name=contact.name,
                    )
                )
            contact.write(vals)
            body = _("Contact %(name)s updated from the portal.", name=contact.name)
        else:
            if not self._mall_portal_manages_contacts(editor):
                raise UserError(
                    _(
                        "Only your company's administrator contact may add contacts: please ask "
                        "them, or the mall's leasing team."
                    )
                )
            contact = self.create(
                {**vals, "parent_id": self.id, "type": "contact", "lang": self.lang}
            )
            body = _("Contact %(name)s added from the portal.", name=contact.name)
        self.message_post(body=body, author_id=editor.id)
        return contact

    def _mall_portal_request_licence(self, content, filename, expiry):
        """Send a renewed business licence for review; nothing changes on the tenant until
        leasing approves it. ``content`` is the file's bytes (the caller reads at most
        ``LICENCE_MAX_BYTES + 1`` of them). A tenant has at most one licence waiting for
        review. Returns the request."""
        self.ensure_one()
        if not content:
            raise UserError(_("Choose the scan of your business licence."))
        if len(content) > LICENCE_MAX_BYTES:
            raise UserError(_("The file is larger than 10 MB."))
        if (
            not (filename or "").lower().endswith(LICENCE_EXTENSIONS)
            or guess_mimetype(content) not in LICENCE_MIMETYPES
        ):
            raise UserError(_("Send the licence as a PDF, PNG or JPEG file."))
        if expiry and expiry <= fields.Date.context_today(self):
            raise UserError(_("The new licence must still be valid: check its expiry date."))
        Request = self.env["mall.licence.request"]
        if Request.sudo().search_count(
            [("partner_id", "=", self.id), ("state", "=", "pending")], limit=1
        ):
            raise UserError(
                _(
                    "A licence you sent is still waiting for the mall's review: you can send "
                    "another once it is reviewed."
                )
            )
        return Request.create(
            {
                "partner_id": self.id,
                "licence_file": base64.b64encode(content),
                "licence_filename": os.path.basename(filename),
                "licence_expiry": expiry or False,
            }
        )
