from odoo import api, fields, models


class MallBrand(models.Model):
    """A brand (品牌) a tenant trades under. Brands outlive their operators: the same brand
    may pass from one tenant to another, so who held it when is kept in brand tenancies."""

    _name = "mall.brand"
    _description = "Brand"
    _inherit = ["mail.thread"]
    _order = "name, id"

    name = fields.Char(required=True, tracking=True)
    name_en = fields.Char(string="English Name")
    category_id = fields.Many2one("mall.category", string="Business Category", index=True)
    logo = fields.Image(max_width=256, max_height=256)
    description = fields.Text()
    active = fields.Boolean(default=True)
    company_id = fields.Many2one("res.company", index=True)
    tenancy_ids = fields.One2many("mall.brand.tenancy", "brand_id", string="Tenancies")
    partner_ids = fields.Many2many(
        "res.partner",
        string="Current Tenants",
        compute="_compute_partner_ids",
        help="The tenants operating the brand today.",
    )
    partner_count = fields.Integer(string="Tenants", compute="_compute_partner_ids")

    _name_company_unique = models.UniqueIndex(
        "(lower(name), company_id) NULLS NOT DISTINCT", "This brand already exists."
    )

    @api.depends("tenancy_ids.date_start", "tenancy_ids.date_end", "tenancy_ids.partner_id")
    def _compute_partner_ids(self):
        for brand in self:
            brand.partner_ids = brand.tenancy_ids.filtered("is_current").partner_id
            brand.partner_count = len(brand.partner_ids)
