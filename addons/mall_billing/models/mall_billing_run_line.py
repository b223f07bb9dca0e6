from odoo import fields, models


class MallBillingRunLine(models.Model):
    """What a billing run bills for one lease, as previewed."""

    _name = "mall.billing.run.line"
    _description = "Billing Run Preview Line"
    _order = "run_id, partner_id, lease_id"

    run_id = fields.Many2one("mall.billing.run", required=True, index=True, ondelete="cascade")
    currency_id = fields.Many2one(related="run_id.currency_id")
    lease_id = fields.Many2one("mall.lease", required=True, ondelete="cascade")
    partner_id = fields.Many2one(related="lease_id.tenant_id", string="Tenant", store=True)
    receivable_count = fields.Integer(string="Receivables")
    amount = fields.Monetary()
