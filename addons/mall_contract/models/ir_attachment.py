from odoo import _, api, fields, models
from odoo.exceptions import UserError

# What may still change on a locked attachment: sharing, never the content nor its owner.
UNLOCKED_FIELDS = {"access_token", "public", "description"}


class IrAttachment(models.Model):
    _inherit = "ir.attachment"

    mall_locked = fields.Boolean(
        string="Locked",
        readonly=True,
        copy=False,
        help="A signed contract: its content can be neither changed nor deleted.",
    )

    def write(self, vals):
        if set(vals) - UNLOCKED_FIELDS and any(self.sudo().mapped("mall_locked")):
            raise UserError(_("A signed contract is archived and cannot be changed."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_locked(self):
        if any(self.sudo().mapped("mall_locked")):
            raise UserError(_("A signed contract is archived and cannot be deleted."))
