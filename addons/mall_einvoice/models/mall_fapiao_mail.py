from odoo import _, fields, models
from odoo.exceptions import UserError


class MallFapiao(models.Model):
    """Delivery by mail: an issued fapiao is emailed with its files to the tenant's fapiao
    address (by itself when the company says so, again with a button)."""

    _inherit = "mall.fapiao"

    sent = fields.Boolean(string="Emailed", readonly=True, copy=False)

    def _push_email(self):
        self.ensure_one()
        partner = self.partner_id
        return partner.mall_fapiao_email or partner.email or ""

    def _push_mail(self):
        """Email each issued fapiao with its files to the tenant."""
        template = self.env.ref("mall_einvoice.mail_template_fapiao_issued")
        for fapiao in self.filtered(lambda rec: rec.state == "issued" and rec._push_email()):
            attachments = (
                self.env["ir.attachment"]
                .sudo()
                .search([("res_model", "=", fapiao._name), ("res_id", "=", fapiao.id)])
            )
            template.send_mail(
                fapiao.id,
                email_values={
                    "email_to": fapiao._push_email(),
                    "attachment_ids": [(6, 0, attachments.ids)],
                },
            )
            fapiao.sent = True
            fapiao.message_post(
                body=_("Fapiao sent to %(email)s.", email=fapiao._push_email()),
                attachment_ids=attachments.ids,
            )

    def action_send_mail(self):
        """Button: email the fapiao to the tenant again."""
        if not self.filtered(lambda rec: rec.state == "issued"):
            raise UserError(_("Only issued fapiao can be sent."))
        missing = self.filtered(lambda rec: not rec._push_email())
        if missing:
            raise UserError(
                _(
                    "Set an email address on %(tenants)s first.",
                    tenants=", ".join(missing.partner_id.mapped("name")),
                )
            )
        self._push_mail()
        return True
