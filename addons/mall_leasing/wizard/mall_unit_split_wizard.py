from odoo import Command, _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import float_compare


class MallUnitSplitWizard(models.TransientModel):
    """Split (拆铺) a vacant unit into new units. The old unit is archived and linked to them;
    the parts cannot add up to more gross area than the original."""

    _name = "mall.unit.split.wizard"
    _description = "Split Unit"

    unit_id = fields.Many2one("mall.unit", string="Unit to Split", required=True)
    gross_area = fields.Float(related="unit_id.gross_area", string="Original Gross Area")
    leasable_area = fields.Float(related="unit_id.leasable_area", string="Original Leasable Area")
    line_ids = fields.One2many("mall.unit.split.wizard.line", "wizard_id", string="New Units")
    reason = fields.Char(required=True)

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        unit = self.env["mall.unit"].browse(
            values.get("unit_id")
            or (
                self.env.context.get("active_id")
                if self.env.context.get("active_model") == "mall.unit"
                else False
            )
        )
        if unit:
            values["unit_id"] = unit.id
            if "line_ids" in fields_list and not values.get("line_ids"):
                values["line_ids"] = [
                    Command.create(
                        {
                            "code": f"{unit.code}{suffix}",
                            "gross_area": round(unit.gross_area / 2, 2),
                            "leasable_area": round(unit.leasable_area / 2, 2),
                        }
                    )
                    for suffix in ("A", "B")
                ]
        return values

    def action_split(self):
        """Create the new units, archive the original; returns the list of new units."""
        self.ensure_one()
        unit = self.unit_id
        if unit.state != "vacant":
            raise UserError(_("Only a vacant unit can be split."))
        if len(self.line_ids) < 2:
            raise UserError(_("Split the unit into at least two new units."))
        digits = self.env["decimal.precision"].precision_get("Mall Area")
        if (
            float_compare(
                sum(self.line_ids.mapped("gross_area")), unit.gross_area, precision_digits=digits
            )
            > 0
        ):
            raise UserError(
                _(
                    "The new units add up to %(parts)s m² of gross area, more than the "
                    "%(whole)s m² of unit %(code)s.",
                    parts=round(sum(self.line_ids.mapped("gross_area")), 2),
                    whole=unit.gross_area,
                    code=unit.code,
                )
            )
        count = len(self.line_ids)
        new_units = (
            self.env["mall.unit"]
            .with_context(mall_state_reason=self.reason)
            .create(
                [
                    {
                        "code": line.code,
                        "mall_id": unit.mall_id.id,
                        "floor_id": unit.floor_id.id,
                        "unit_type": unit.unit_type,
                        "category_id": unit.category_id.id,
                        "gross_area": line.gross_area,
                        "leasable_area": line.leasable_area,
                        "usable_area": line.usable_area,
                        "shared_area": round(line.gross_area - line.leasable_area, 2),
                        "tag_ids": [Command.set(unit.tag_ids.ids)],
                        # side by side in the original's footprint on the generated plan
                        "plan_x": unit.plan_x + index * unit.plan_width / count,
                        "plan_y": unit.plan_y,
                        "plan_width": unit.plan_width / count,
                        "plan_height": unit.plan_height,
                        "origin_unit_ids": [Command.set(unit.ids)],
                        "state": "vacant",
                    }
                    for index, line in enumerate(self.line_ids)
                ]
            )
        )
        unit.write({"active": False})
        unit.message_post(
            body=_(
                "Split into %(codes)s: %(reason)s",
                codes=", ".join(new_units.mapped("code")),
                reason=self.reason,
            )
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": "mall.unit",
            "name": _("New Units"),
            "domain": [("id", "in", new_units.ids)],
            "view_mode": "list,form",
            "target": "current",
        }


class MallUnitSplitWizardLine(models.TransientModel):
    _name = "mall.unit.split.wizard.line"
    _description = "Split Unit: New Unit"

    wizard_id = fields.Many2one("mall.unit.split.wizard", required=True, ondelete="cascade")
    code = fields.Char(required=True)
    gross_area = fields.Float(digits="Mall Area", required=True)
    leasable_area = fields.Float(digits="Mall Area", required=True)
    usable_area = fields.Float(digits="Mall Area")
