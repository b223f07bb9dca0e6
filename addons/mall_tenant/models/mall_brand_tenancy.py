from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class MallBrandTenancy(models.Model):
    """A tenant operating a brand over a period: the brand's history of operators and the
    tenant's history of brands."""

    _name = "mall.brand.tenancy"
    _description = "Brand Tenancy"
    _order = "date_start desc, id desc"
    _rec_name = "brand_id"

    brand_id = fields.Many2one("mall.brand", required=True, index=True, ondelete="cascade")
    partner_id = fields.Many2one(
        "res.partner",
        string="Tenant",
        required=True,
        index=True,
        ondelete="cascade",
        domain=[("is_company", "=", True)],
    )
    date_start = fields.Date(string="From", required=True, default=fields.Date.context_today)
    date_end = fields.Date(string="Until", help="Empty while the tenant still operates the brand.")
    is_current = fields.Boolean(
        string="Current", compute="_compute_is_current", search="_search_is_current"
    )
    category_id = fields.Many2one(related="brand_id.category_id")
    company_id = fields.Many2one(related="brand_id.company_id", store=True, index=True)

    _dates_ordered = models.Constraint(
        "CHECK (date_end IS NULL OR date_end >= date_start)",
        "A brand tenancy cannot end before it starts.",
    )

    @api.depends("date_start", "date_end")
    def _compute_is_current(self):
        today = fields.Date.context_today(self)
        for tenancy in self:
            tenancy.is_current = tenancy.date_start <= today and (
                not tenancy.date_end or tenancy.date_end >= today
            )

    def _search_is_current(self, operator, value):
        if operator not in ("in", "not in"):
            return NotImplemented
        today = fields.Date.context_today(self)
        domain = fields.Domain([("date_start", "<=", today)]) & fields.Domain(
            ["|", ("date_end", "=", False), ("date_end", ">=", today)]
        )
        return domain if (True in value) == (operator == "in") else ~domain

    @api.constrains("brand_id", "partner_id", "date_start", "date_end")
    def _check_no_overlap(self):
        """The same tenant cannot hold the same brand twice over the same days."""
        others = self.search(
            [
                ("brand_id", "in", self.brand_id.ids),
                ("partner_id", "in", self.partner_id.ids),
                ("id", "not in", self.ids),
            ]
        )
        for tenancy in self:
            for other in (others | self - tenancy).filtered(
                lambda t, tn=tenancy: t.brand_id == tn.brand_id and t.partner_id == tn.partner_id
            ):
                if tenancy._overlaps(other):
                    raise ValidationError(
                        _(
                            "%(tenant)s already operates %(brand)s in that period.",
                            tenant=tenancy.partner_id.display_name,
                            brand=tenancy.brand_id.name,
                        )
                    )

    def _overlaps(self, other):
        far = fields.Date.to_date("9999-12-31")
        return self.date_start <= (other.date_end or far) and other.date_start <= (
            self.date_end or far
        )
