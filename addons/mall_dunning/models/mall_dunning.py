from odoo import api, fields, models


class MallDunning(models.Model):
    """What was sent to a tenant about an overdue invoice: one record per invoice and level,
    so that a level is never sent twice."""

    _name = "mall.dunning"
    _description = "Dunning Log"
    _order = "date desc, id desc"

    move_id = fields.Many2one(
        "account.move", string="Invoice", required=True, index=True, ondelete="cascade"
    )
    level_id = fields.Many2one(
        "mall.dunning.level", string="Reminder Level", required=True, ondelete="restrict"
    )
    date = fields.Date(required=True, default=fields.Date.context_today)
    partner_id = fields.Many2one(related="move_id.partner_id", store=True, string="Tenant")
    lease_id = fields.Many2one(related="move_id.mall_lease_id", store=True, string="Lease")
    company_id = fields.Many2one(related="move_id.company_id", store=True)
    currency_id = fields.Many2one(related="move_id.currency_id")
    days_overdue = fields.Integer()
    amount_residual = fields.Monetary(string="Amount Due")
    late_fee = fields.Monetary(string="Late Fee Accrued")
    email_sent = fields.Boolean(string="Email")
    sms_sent = fields.Boolean(string="SMS")
    letter_id = fields.Many2one("ir.attachment", string="Dunning Letter", readonly=True)

    _level_once = models.UniqueIndex(
        "(move_id, level_id)", "This reminder level was already sent for this invoice."
    )

    @api.depends("move_id", "level_id")
    def _compute_display_name(self):
        for log in self:
            log.display_name = f"{log.move_id.name or ''} {log.level_id.name or ''}".strip()

    def _render_letter_pdf(self):
        """The dunning letter (催款函) PDF (bytes)."""
        pdf, _fmt = (
            self.env["ir.actions.report"]
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf("mall_dunning.action_report_dunning_letter", self.ids)
        )
        return pdf

    def action_print_letter(self):
        return self.env.ref("mall_dunning.action_report_dunning_letter").report_action(self)
