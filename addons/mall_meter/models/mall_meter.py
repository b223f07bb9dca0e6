from odoo import _, api, fields, models
from odoo.addons.mall_billing.models.mall_charge_type import METER_KINDS
from odoo.addons.mall_leasing.lib.money import split_by_weight
from odoo.exceptions import UserError, ValidationError


class MallMeter(models.Model):
    """A water, electricity or gas meter (表计): a unit's own, or a common-area meter whose
    consumption is shared (公摊) among the units of a floor or of the whole mall by leasable
    area."""

    _name = "mall.meter"
    _description = "Meter"
    _inherit = ["mail.thread"]
    _order = "mall_id, code"
    _rec_name = "code"

    code = fields.Char(string="Meter Number", required=True, index=True, tracking=True)
    kind = fields.Selection(METER_KINDS, required=True, default="electricity", tracking=True)
    active = fields.Boolean(default=True)
    mall_id = fields.Many2one("mall.mall", required=True, index=True, ondelete="restrict")
    company_id = fields.Many2one(related="mall_id.company_id", store=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    unit_id = fields.Many2one(
        "mall.unit", index=True, ondelete="restrict", domain="[('mall_id', '=', mall_id)]"
    )
    floor_id = fields.Many2one(
        "mall.floor",
        index=True,
        ondelete="restrict",
        domain="[('mall_id', '=', mall_id)]",
        help="For common meters shared on one floor.",
    )
    is_common = fields.Boolean(
        string="Common Area Meter", help="Its consumption is shared (公摊) among units."
    )
    share_scope = fields.Selection(
        [
            ("floor", "Units of the Floor"),
            ("mall", "Units of the Mall"),
        ],
        string="Shared Among",
        default="floor",
    )
    multiplier = fields.Float(
        default=1.0,
        digits=(12, 2),
        required=True,
        tracking=True,
        help="倍率: consumption is the difference of readings times this factor.",
    )
    unit_price = fields.Monetary(
        currency_field="currency_id", tracking=True, help="Price per kWh or m³, tax excluded."
    )
    expected_monthly_use = fields.Float(
        digits=(16, 2),
        help="Consumption a month is expected to be (kWh or m³). The spike check compares "
        "the first consumption of the meter with it, until the meter has readings of its own.",
    )
    uom_label = fields.Char(string="Unit of Measure", compute="_compute_uom_label")
    charge_type_id = fields.Many2one(
        "mall.charge.type",
        compute="_compute_charge_type_id",
        help="The metered charge type of this meter's kind.",
    )
    reading_ids = fields.One2many("mall.meter.reading", "meter_id", string="Readings")
    last_reading_date = fields.Date(compute="_compute_last_reading")
    last_reading_value = fields.Float(compute="_compute_last_reading", digits=(16, 2))

    _code_unique = models.UniqueIndex("(mall_id, code)", "A meter number is unique in a mall.")
    _multiplier_positive = models.Constraint(
        "CHECK(multiplier > 0)", "The multiplier of a meter must be positive."
    )

    @api.depends("kind")
    def _compute_uom_label(self):
        for meter in self:
            meter.uom_label = _("kWh") if meter.kind == "electricity" else _("m³")

    @api.depends("kind")
    def _compute_charge_type_id(self):
        charges = self.env["mall.charge.type"].search([("billing_cycle", "=", "metered")])
        by_kind = {}
        for charge in charges:
            by_kind.setdefault(charge.meter_kind, charge)
        for meter in self:
            meter.charge_type_id = by_kind.get(meter.kind, False)

    @api.depends("reading_ids.date", "reading_ids.value")
    def _compute_last_reading(self):
        for meter in self:
            last = meter.reading_ids.sorted("date")[-1:]
            meter.last_reading_date = last.date
            meter.last_reading_value = last.value

    @api.constrains("is_common", "unit_id", "floor_id", "share_scope")
    def _check_placement(self):
        for meter in self:
            if not meter.is_common and not meter.unit_id:
                raise ValidationError(
                    _(
                        "Meter %(meter)s belongs to a unit or is a common-area meter.",
                        meter=meter.code,
                    )
                )
            if meter.is_common and meter.share_scope == "floor" and not meter.floor_id:
                raise ValidationError(
                    _(
                        "The common meter %(meter)s is shared on a floor: choose the floor.",
                        meter=meter.code,
                    )
                )

    def _sharing_units(self):
        """The units sharing this common meter: active units of its floor or mall with a
        leasable area."""
        self.ensure_one()
        domain = [("leasable_area", ">", 0)]
        if self.share_scope == "floor":
            domain.append(("floor_id", "=", self.floor_id.id))
        else:
            domain.append(("mall_id", "=", self.mall_id.id))
        return self.env["mall.unit"].search(domain, order="id")

    def _share_amount(self, amount, units=None):
        """Share ``amount`` of this common meter among ``units`` (by default its sharing units)
        by leasable area, exact to the fen: returns {unit: share}, the shares add up to the
        amount."""
        self.ensure_one()
        if not self.is_common:
            raise UserError(_("Meter %(meter)s is not a common-area meter.", meter=self.code))
        units = self._sharing_units() if units is None else units
        shares = split_by_weight(amount, units.mapped("leasable_area"))
        return dict(zip(units, shares, strict=True))
