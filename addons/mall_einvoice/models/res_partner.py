from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    mall_fapiao_kind = fields.Selection(
        [("special", "Digital special VAT fapiao"), ("normal", "Digital normal fapiao")],
        string="Preferred Fapiao Kind",
        help="数电专票 or 数电普票; empty: the company's default.",
    )
    # a tenant may ask for its fapiao under another title (a parent company, another name)
    mall_fapiao_title = fields.Char(
        string="Fapiao Title", help="Buyer name on the fapiao; empty: the tenant's name."
    )
    mall_fapiao_tax_number = fields.Char(
        string="Fapiao Taxpayer ID", help="Empty: the tenant's unified social credit code."
    )
    mall_fapiao_address = fields.Char(string="Fapiao Address and Phone")
    mall_fapiao_bank = fields.Char(string="Fapiao Bank and Account")
    mall_fapiao_email = fields.Char(
        string="Fapiao Email", help="Where issued fapiao are sent; empty: the tenant's email."
    )
