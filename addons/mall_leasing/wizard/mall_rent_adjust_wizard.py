from odoo import Command, _, api, fields, models
from odoo.exceptions import UserError

from ..lib.money import round_fen


class MallRentAdjustWizard(models.TransientModel):
    """Bulk rent adjustment (批量调租): e.g. every 餐饮 unit of 3F +5 % from 2027-01-01.
    Preview the new prices unit by unit, then create them as draft standards (or approve them
    at once, for a leasing manager)."""

    _name = "mall.rent.adjust.wizard"
    _description = "Bulk Rent Adjustment"

    mall_id = fields.Many2one(
        "mall.mall", required=True, default=lambda self: self.env["mall.mall"].search([], limit=1)
    )
    floor_ids = fields.Many2many(
        "mall.floor",
        string="Floors",
        domain="[('mall_id', '=', mall_id)]",
        help="Empty: every floor.",
    )
    category_ids = fields.Many2many(
        "mall.category", string="Planned Categories", help="Empty: every category."
    )
    unit_type = fields.Selection(
        lambda self: self.env["mall.unit"]._fields["unit_type"].selection, help="Empty: every type."
    )
    unit_ids = fields.Many2many(
        "mall.unit", string="Units", help="Only these units (the filters above still apply)."
    )
    mode = fields.Selection(
        [("percent", "Percentage"), ("amount", "Amount per m²")], required=True, default="percent"
    )
    value = fields.Float(
        string="Change",
        required=True,
        digits=(16, 2),
        help="+5 for +5 % (or +5 yuan/m²/month); negative to lower the rent.",
    )
    date_start = fields.Date(string="Effective From", required=True)
    reason = fields.Char(required=True)
    step = fields.Selection([("edit", "Edit"), ("preview", "Preview")], default="edit")
    line_ids = fields.One2many("mall.rent.adjust.wizard.line", "wizard_id", string="Preview")
    skipped_count = fields.Integer(
        readonly=True,
        help="Units matching the filters without a rent standard in force on "
        "the date; they have no price to adjust.",
    )

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        if self.env.context.get("active_model") == "mall.unit" and "unit_ids" in fields_list:
            values["unit_ids"] = [Command.set(self.env.context.get("active_ids", []))]
        return values

    def _units(self):
        domain = [("mall_id", "=", self.mall_id.id)]
        if self.floor_ids:
            domain.append(("floor_id", "in", self.floor_ids.ids))
        if self.category_ids:
            domain.append(("category_id", "child_of", self.category_ids.ids))
        if self.unit_type:
            domain.append(("unit_type", "=", self.unit_type))
        if self.unit_ids:
            domain.append(("id", "in", self.unit_ids.ids))
        return self.env["mall.unit"].search(domain)

    def _new_price(self, price):
        change = (
            round_fen(price) * round_fen(self.value) / 100
            if self.mode == "percent"
            else round_fen(self.value)
        )
        return float(round_fen(round_fen(price) + change))

    def action_preview(self):
        """Compute the new price of every matching unit and show them before applying."""
        self.ensure_one()
        units = self._units()
        taken = self.env["mall.rent.standard"].search(
            [
                ("unit_id", "in", units.ids),
                ("date_start", "=", self.date_start),
                ("state", "!=", "cancelled"),
            ]
        )
        if taken:
            raise UserError(
                _(
                    "These units already have a rent standard starting on %(date)s: %(codes)s. "
                    "Leave them out or cancel those standards first.",
                    date=self.date_start,
                    codes=", ".join(taken.unit_id.mapped("code")),
                )
            )
        standards = units._rent_standard_on(self.date_start)
        lines = []
        for unit in units:
            standard = standards.get(unit.id)
            if not standard:
                continue
            new_price = self._new_price(standard.price_month)
            if new_price < 0:
                raise UserError(
                    _("Unit %(code)s: the adjustment makes the rent negative.", code=unit.code)
                )
            lines.append(
                Command.create(
                    {
                        "unit_id": unit.id,
                        "current_price": standard.price_month,
                        "new_price": new_price,
                    }
                )
            )
        if not lines:
            raise UserError(
                _(
                    "No unit matching these filters has a rent standard in force on %(date)s.",
                    date=self.date_start,
                )
            )
        self.write(
            {
                "line_ids": [Command.clear(), *lines],
                "step": "preview",
                "skipped_count": len(units) - len(lines),
            }
        )
        return self._reopen()

    def action_back(self):
        self.write({"step": "edit", "line_ids": [Command.clear()]})
        return self._reopen()

    def action_apply(self):
        """Create the previewed prices as draft rent standards; returns them."""
        self.ensure_one()
        if self.step != "preview" or not self.line_ids:
            raise UserError(_("Preview the adjustment before applying it."))
        standards = self.env["mall.rent.standard"].create(
            [
                {
                    "unit_id": line.unit_id.id,
                    "date_start": self.date_start,
                    "price_month": line.new_price,
                    "reason": self.reason,
                }
                for line in self.line_ids
            ]
        )
        if self.env.context.get("mall_approve"):
            standards.action_approve()
        return {
            "type": "ir.actions.act_window",
            "res_model": "mall.rent.standard",
            "name": _("Rent Adjustment"),
            "domain": [("id", "in", standards.ids)],
            "view_mode": "list,form",
            "target": "current",
        }

    def _reopen(self):
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
            "name": _("Bulk Rent Adjustment"),
        }


class MallRentAdjustWizardLine(models.TransientModel):
    _name = "mall.rent.adjust.wizard.line"
    _description = "Bulk Rent Adjustment: Unit"
    _order = "unit_id"

    wizard_id = fields.Many2one("mall.rent.adjust.wizard", required=True, ondelete="cascade")
    unit_id = fields.Many2one("mall.unit", required=True)
    floor_id = fields.Many2one(related="unit_id.floor_id")
    category_id = fields.Many2one(related="unit_id.category_id")
    leasable_area = fields.Float(related="unit_id.leasable_area")
    currency_id = fields.Many2one(related="unit_id.currency_id")
    current_price = fields.Monetary(string="Current (CNY/m²/month)")
    new_price = fields.Monetary(string="New (CNY/m²/month)")
