from odoo import _, api, fields, models
from odoo.addons.mall_leasing.lib.cycles import CYCLES
from odoo.exceptions import ValidationError

# The kinds of fee a lease charges: the one list of the suite (billing maps each to its charge
# type), imported from here by any addon that needs it.
FEE_TYPES = [
    ("property", "Property Management Fee"),
    ("marketing", "Marketing Fee"),
    ("air_conditioning", "Air-conditioning Fee"),
    ("other", "Other Fee"),
]
# What a fee may not change once its lease has left the draft state (amendments excepted).
FEE_TERM_FIELDS = {"lease_id", "fee_type", "name", "price", "billing_cycle"}


class MallLeaseFee(models.Model):
    """A fee charged with the rent (物业费, 推广费, 空调费 ...), per m² of leasable area per
    month, billed on its own cycle."""

    _name = "mall.lease.fee"
    _inherit = ["mall.lease.term.mixin"]
    _lease_term_fields = FEE_TERM_FIELDS
    _description = "Lease Fee"
    _order = "lease_id, sequence, id"

    lease_id = fields.Many2one("mall.lease", required=True, index=True, ondelete="cascade")
    company_id = fields.Many2one(related="lease_id.company_id", store=True, index=True)
    sequence = fields.Integer(default=10)
    currency_id = fields.Many2one(related="lease_id.currency_id")
    fee_type = fields.Selection(FEE_TYPES, required=True, default="property")
    name = fields.Char(string="Description")
    price = fields.Monetary(string="Price (CNY/m²/month)", required=True)
    billing_cycle = fields.Selection(CYCLES, required=True, default="monthly")

    @api.constrains("price")
    def _check_price(self):
        for fee in self:
            if fee.price < 0:
                raise ValidationError(_("A fee price cannot be negative."))
