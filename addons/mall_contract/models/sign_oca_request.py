from odoo import models


class SignOcaRequest(models.Model):
    _inherit = "sign.oca.request"

    def _check_signed(self):
        """When sign_oca marks a lease's request fully signed, the lease archives the signed
        PDF and comes into force."""
        result = super()._check_signed()
        record = self.record_ref
        if self.state == "2_signed" and record and record._name == "mall.lease":
            record.sudo()._on_signature_completed(self)
        return result
