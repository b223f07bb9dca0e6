from odoo import api, fields, models

PREFERENTIAL_FLAGS = [
    ("01", "Simplified levy"),
    ("03", "Tax exempt"),
    ("04", "Not taxable"),
    ("09", "Simplified levy at 5%"),
]


class MallChargeType(models.Model):
    """The charge type is the one source of the fapiao line data: 税收分类编码, 简称, the
    preferential flag and whether the line is 不动产经营租赁 are read from the charge type whose
    product is on the invoice line, never from the product."""

    _inherit = "mall.charge.type"

    fapiao_preferential_flag = fields.Selection(
        PREFERENTIAL_FLAGS,
        string="Preferential Policy Flag",
        help="Flag sent with fapiao lines of a preferential charge (favouredPolicyFlag), e.g. "
        "09 for old property taxed at 5% simplified levy.",
    )
    fapiao_is_property_rent = fields.Boolean(
        string="Immovable Property Rent",
        compute="_compute_fapiao_is_property_rent",
        store=True,
        readonly=False,
        help="不动产经营租赁: each such line is issued alone on its own fapiao with the property "
        "address and lease period.",
    )

    @api.depends("category")
    def _compute_fapiao_is_property_rent(self):
        for charge in self:
            charge.fapiao_is_property_rent = charge.category == "rent"

    @api.model
    def _fapiao_by_product(self, products):
        """{product id: charge type} for the products of invoice lines, in one query."""
        charges = self.with_context(active_test=False).search(
            [("product_id", "in", products.ids)], order="active desc, sequence, id"
        )
        result = {}
        for charge in charges:
            result.setdefault(charge.product_id.id, charge)
        return result
