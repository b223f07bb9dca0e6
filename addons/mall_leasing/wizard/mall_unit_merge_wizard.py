from odoo import Command, _, api, fields, models
from odoo.exceptions import UserError


class MallUnitMergeWizard(models.TransientModel):
    """Merge (合铺) vacant units of one floor into a new unit. The old units are archived and
    linked to the new one, whose areas are their sums."""

    _name = "mall.unit.merge.wizard"
    _description = "Merge Units"

    unit_ids = fields.Many2many("mall.unit", string="Units to Merge", required=True)
    code = fields.Char(string="New Unit Code", required=True)
    name = fields.Char(string="New Unit Name")
    reason = fields.Char(required=True)

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        if (
            "unit_ids" in fields_list
            and not values.get("unit_ids")
            and self.env.context.get("active_model") == "mall.unit"
        ):
            values["unit_ids"] = [Command.set(self.env.context.get("active_ids", []))]
        return values

    def action_merge(self):
        """Create the merged unit, archive the old ones; returns the new unit's form."""
        self.ensure_one()
        units = self.unit_ids
        if len(units) < 2:
            raise UserError(_("Select at least two units to merge."))
        if len(units.floor_id) > 1:
            raise UserError(_("Only units of the same floor can be merged."))
        busy = units.filtered(lambda u: u.state != "vacant")
        if busy:
            raise UserError(
                _(
                    "Only vacant units can be merged; not: %(codes)s.",
                    codes=", ".join(busy.mapped("code")),
                )
            )
        first = units[0]
        xs = [u.plan_x for u in units]
        ys = [u.plan_y for u in units]
        new_unit = (
            self.env["mall.unit"]
            .with_context(mall_state_reason=self.reason)
            .create(
                {
                    "code": self.code,
                    "name": self.name,
                    "mall_id": first.mall_id.id,
                    "floor_id": first.floor_id.id,
                    "unit_type": first.unit_type,
                    "category_id": first.category_id.id,
                    "gross_area": sum(units.mapped("gross_area")),
                    "usable_area": sum(units.mapped("usable_area")),
                    "leasable_area": sum(units.mapped("leasable_area")),
                    "shared_area": sum(units.mapped("shared_area")),
                    "power_capacity": sum(units.mapped("power_capacity")),
                    "has_water": any(units.mapped("has_water")),
                    "has_drainage": any(units.mapped("has_drainage")),
                    "has_gas": any(units.mapped("has_gas")),
                    "has_exhaust": any(units.mapped("has_exhaust")),
                    "tag_ids": [Command.set(units.tag_ids.ids)],
                    "plan_x": min(xs),
                    "plan_y": min(ys),
                    "plan_width": max(u.plan_x + u.plan_width for u in units) - min(xs),
                    "plan_height": max(u.plan_y + u.plan_height for u in units) - min(ys),
                    "origin_unit_ids": [Command.set(units.ids)],
                    "state": "vacant",
                }
            )
        )
        units.write({"active": False})
        units._message_log_batch(
            {
                unit.id: _(
                    "Merged into %(code)s: %(reason)s", code=new_unit.code, reason=self.reason
                )
                for unit in units
            }
        )
        new_unit.message_post(
            body=_(
                "Merged from %(codes)s: %(reason)s",
                codes=", ".join(units.mapped("code")),
                reason=self.reason,
            )
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": "mall.unit",
            "res_id": new_unit.id,
            "view_mode": "form",
            "target": "current",
        }
