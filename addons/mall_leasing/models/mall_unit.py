from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

UNIT_STATES = [
    ("vacant", "Vacant"),
    ("reserved", "Reserved"),
    ("signed", "Signed"),
    ("fitting_out", "Fitting Out"),
    ("open", "Open"),
    ("expiring", "Expiring"),
    ("moving_out", "Moving Out"),
]


class MallUnit(models.Model):
    """A unit (铺位): the space a tenant rents. Rent and most fees are billed on its
    leasable area (计租面积)."""

    _name = "mall.unit"
    _description = "Mall Unit"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "mall_id, floor_id, code"
    _rec_name = "code"

    code = fields.Char(required=True, tracking=True, index=True)
    name = fields.Char(help="Optional display name, e.g. the anchor store's name.")
    mall_id = fields.Many2one("mall.mall", required=True, index=True, ondelete="restrict")
    floor_id = fields.Many2one(
        "mall.floor", required=True, index=True, ondelete="restrict",
        domain="[('mall_id', '=', mall_id)]")
    company_id = fields.Many2one(related="mall_id.company_id", store=True, index=True)
    active = fields.Boolean(default=True)
    unit_type = fields.Selection(
        [("shop", "Shop"), ("kiosk", "Kiosk"), ("anchor", "Anchor Store"),
         ("temporary", "Temporary Space"), ("office", "Office")],
        required=True, default="shop")
    category_id = fields.Many2one("mall.category", string="Planned Category", index=True)
    gross_area = fields.Float(digits="Mall Area", tracking=True)
    usable_area = fields.Float(digits="Mall Area")
    leasable_area = fields.Float(digits="Mall Area", tracking=True)
    shared_area = fields.Float(digits="Mall Area")
    state = fields.Selection(
        UNIT_STATES, string="Status", required=True, default="vacant", tracking=True, index=True)

    _code_mall_unique = models.Constraint(
        "UNIQUE(mall_id, code)", "A unit code must be unique within its mall.")

    @api.constrains("gross_area", "usable_area", "leasable_area", "shared_area")
    def _check_areas(self):
        for unit in self:
            if unit.gross_area <= 0 or unit.leasable_area <= 0:
                raise ValidationError(_(
                    "Unit %(code)s: the gross and leasable areas must be greater than zero.",
                    code=unit.code))
            if min(unit.usable_area, unit.shared_area) < 0:
                raise ValidationError(_(
                    "Unit %(code)s: areas cannot be negative.", code=unit.code))
            if unit.leasable_area > unit.gross_area:
                raise ValidationError(_(
                    "Unit %(code)s: the leasable area (%(leasable)s m²) cannot exceed the gross "
                    "area (%(gross)s m²).",
                    code=unit.code, leasable=unit.leasable_area, gross=unit.gross_area))

    @api.constrains("floor_id", "mall_id")
    def _check_floor_mall(self):
        for unit in self:
            if unit.floor_id.mall_id != unit.mall_id:
                raise ValidationError(_(
                    "Unit %(code)s: floor %(floor)s belongs to another mall.",
                    code=unit.code, floor=unit.floor_id.name))
