from odoo import fields, models


class ProductTemplate(models.Model):
    _inherit = "product.template"

    mall_tax_code = fields.Char(
        string="Tax Classification Code",
        size=19,
        help="19-digit 税收分类编码 printed on the fapiao line, "
        "e.g. 3040502029902000000 for shop rent.",
    )
    mall_tax_short_name = fields.Char(
        string="Tax Short Name",
        help="简称 of the tax classification, printed as *简称*名称 (e.g. 经营租赁).",
    )
    mall_tax_preferential = fields.Selection(
        [
            ("01", "Simplified levy"),
            ("03", "Tax exempt"),
            ("04", "Not taxable"),
            ("09", "Simplified levy at 5%"),
        ],
        string="Preferential Policy",
        help="Preferential-policy flag sent with the line (简易计税 lines of old property, …).",
    )
    mall_is_property_rent = fields.Boolean(
        string="Immovable Property Rent",
        help="不动产经营租赁: each such line is issued alone on its own fapiao with the property "
        "address and lease period.",
    )
