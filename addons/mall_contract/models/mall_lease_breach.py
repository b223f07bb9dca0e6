from odoo import fields, models


class MallLeaseBreach(models.Model):
    """A breach of contract by the tenant (违约), counted in the tenant's credit grade."""

    _name = "mall.lease.breach"
    _description = "Lease Breach"
    _order = "date desc, id desc"

    lease_id = fields.Many2one("mall.lease", required=True, index=True, ondelete="cascade")
    company_id = fields.Many2one(related="lease_id.company_id", store=True, index=True)
    tenant_id = fields.Many2one(related="lease_id.tenant_id", store=True, index=True)
    currency_id = fields.Many2one(related="lease_id.currency_id")
    date = fields.Date(required=True, default=fields.Date.context_today)
    description = fields.Char(required=True)
    penalty = fields.Monetary()
