from stdnum.cn import uscc
from stdnum.exceptions import InvalidFormat, ValidationError as StdnumValidationError

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class ResPartner(models.Model):
    _inherit = "res.partner"

    mall_uscc = fields.Char(
        string="Unified Social Credit Code", size=18, index=True, copy=False,
        help="统一社会信用代码: 18 characters, the last one a check digit (GB 32100-2015).")
    mall_tenant_stage = fields.Selection(
        [("prospect", "Prospect"), ("active", "Active"), ("former", "Former")],
        string="Tenant Stage", index=True, tracking=True,
        help="Set on companies that rent, or may rent, from the mall.")
    mall_category_id = fields.Many2one("mall.category", string="Business Category")
    mall_brand = fields.Char(string="Brand")
    mall_legal_representative = fields.Char(string="Legal Representative")

    _mall_uscc_company_unique = models.UniqueIndex(
        "(mall_uscc, company_id) WHERE mall_uscc IS NOT NULL",
        "Another tenant already has this Unified Social Credit Code.")

    @api.constrains("mall_uscc")
    def _check_mall_uscc(self):
        for partner in self.filtered("mall_uscc"):
            try:
                if partner.mall_uscc != partner.mall_uscc.upper():
                    # stdnum would accept it upper-cased; the register only knows capitals
                    raise InvalidFormat()
                uscc.validate(partner.mall_uscc)
            except StdnumValidationError as exc:
                raise ValidationError(_(
                    "%(code)s is not a valid Unified Social Credit Code: %(reason)s",
                    code=partner.mall_uscc, reason=_uscc_reason(exc))) from exc


def _uscc_reason(exc):
    name = type(exc).__name__
    return {
        "InvalidLength": _("it must have 18 characters."),
        "InvalidChecksum": _("the check digit does not match."),
        "InvalidFormat": _("it may only hold digits and capital letters (no I, O, S, V or Z)."),
        "InvalidComponent": _("the registration authority or region code is unknown."),
    }.get(name, str(exc))
