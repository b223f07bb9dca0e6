from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class MallLeaseRentFree(models.Model):
    """A rent-free period (免租期), often the fit-out months after handover. Rent is not due on
    its days; fees usually still are."""

    _name = "mall.lease.rent.free"
    _inherit = ["mall.lease.term.mixin"]
    _description = "Rent-free Period"
    _order = "lease_id, date_from"

    lease_id = fields.Many2one("mall.lease", required=True, index=True, ondelete="cascade")
    company_id = fields.Many2one(related="lease_id.company_id", store=True, index=True)
    date_from = fields.Date(string="From", required=True)
    date_to = fields.Date(string="To", required=True)
    note = fields.Char()
    days = fields.Integer(compute="_compute_days")

    @api.depends("date_from", "date_to")
    def _compute_days(self):
        for period in self:
            period.days = (
                (period.date_to - period.date_from).days + 1
                if period.date_from and period.date_to
                else 0
            )

    @api.constrains("date_from", "date_to", "lease_id")
    def _check_inside_term(self):
        for period in self:
            lease = period.lease_id
            if period.date_to < period.date_from:
                raise ValidationError(_("A rent-free period must end on or after its start."))
            if period.date_from < lease.date_start or period.date_to > lease.date_end:
                raise ValidationError(
                    _(
                        "The rent-free period %(start)s – %(end)s lies outside the lease term "
                        "%(term_start)s – %(term_end)s.",
                        start=period.date_from,
                        end=period.date_to,
                        term_start=lease.date_start,
                        term_end=lease.date_end,
                    )
                )
