from odoo import api, models


class MallLeaseTermMixin(models.AbstractModel):
    """Records that are part of a lease's terms (units and prices, rent-free periods, fees,
    turnover bands): they are frozen with the lease once it leaves draft, and change only
    through an amendment (``mall.lease._check_terms_editable`` lets the amendment context
    through)."""

    _name = "mall.lease.term.mixin"
    _description = "Lease Term Record"

    # Fields whose change is a change of terms; None means every field.
    _lease_term_fields = None

    @api.model_create_multi
    def create(self, vals_list):
        self.env["mall.lease"].browse(
            [vals["lease_id"] for vals in vals_list if vals.get("lease_id")]
        )._check_terms_editable()
        return super().create(vals_list)

    def write(self, vals):
        if self._lease_term_fields is None or self._lease_term_fields & set(vals):
            self.lease_id._check_terms_editable()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft_terms(self):
        self.lease_id._check_terms_editable()
