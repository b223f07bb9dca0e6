from odoo import _, api, fields, models
from odoo.exceptions import UserError


class MallMeterReadingCorrection(models.TransientModel):
    """Correct a billed meter reading: its new value and the reason; what was billed is
    credited and billed again (see ``mall.meter.reading._correct``)."""

    _name = "mall.meter.reading.correction"
    _description = "Correct a Billed Meter Reading"

    reading_id = fields.Many2one("mall.meter.reading", required=True, readonly=True)
    old_value = fields.Float(related="reading_id.value", string="Billed Value")
    value = fields.Float(string="Correct Value", required=True, digits=(16, 2))
    reason = fields.Text(required=True)

    @api.model
    def default_get(self, fields_list):
        vals = super().default_get(fields_list)
        reading = self.env["mall.meter.reading"].browse(
            vals.get("reading_id") or self.env.context.get("active_id")
        )
        if reading:
            vals.setdefault("reading_id", reading.id)
            vals.setdefault("value", reading.value)
        return vals

    def action_correct(self):
        self.ensure_one()
        if not self.reading_id.is_billed:
            raise UserError(_("This reading is not billed: change it directly."))
        credit_notes = self.reading_id._correct(self.value, self.reason)
        if not credit_notes:
            return {"type": "ir.actions.act_window_close"}
        return {
            "type": "ir.actions.act_window",
            "res_model": "account.move",
            "view_mode": "list,form",
            "domain": [("id", "in", credit_notes.ids)],
            "name": _("Credit Notes"),
        }
