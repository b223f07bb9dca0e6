from odoo import fields, models


class MallMall(models.Model):
    """What a 不动产经营租赁 fapiao says about the property (docs/fapiao.md §5)."""

    _inherit = "mall.mall"

    fapiao_region = fields.Char(
        string="Fapiao Property Region",
        help="Province, city and district in official names, e.g. 浙江省杭州市西湖区.",
    )
    fapiao_address = fields.Char(
        string="Fapiao Property Address",
        size=100,
        help="Detail address naming a street, road, village or town (街/路/村/乡/镇/道); the unit "
        "code is added after it.",
    )
    fapiao_certificate = fields.Char(string="Property Certificate No.", size=40)
    fapiao_cross_city = fields.Boolean(
        string="Cross-City", help="The property lies in another city than the seller's tax office."
    )
