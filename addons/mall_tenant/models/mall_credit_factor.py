from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from .res_partner import LICENCE_REMINDER_DAYS


class MallCreditFactor(models.Model):
    """One ingredient of the credit score, weighted.

    The list of factors is open. An addon that can see more of a tenant's behaviour
    (payments, breaches, complaints, sales) adds a factor by:

    1. extending ``code`` with ``selection_add=[("my_code", "Label")]`` and
       ``ondelete={"my_code": "cascade"}``;
    2. defining ``_compute_factor_my_code(self, partners)`` on this model, returning
       ``{partner_id: value}`` with values from 0 (worst) to 100 (best), or
       ``{partner_id: (value, note)}`` to explain the value; partners left out score 0;
    3. shipping a factor record (``noupdate``) with its default weight.
    """

    _name = "mall.credit.factor"
    _description = "Credit Factor"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Selection(
        [
            ("licence", "Business Licence Validity"),
            ("tenure", "Years as Tenant"),
            ("profile", "Profile Completeness"),
        ],
        required=True,
        help="Which measure of the tenant this factor reads.",
    )
    sequence = fields.Integer(default=10)
    weight = fields.Float(
        default=1.0,
        required=True,
        help="Relative weight: a factor's share of the score is its weight divided by the sum "
        "of the active factors' weights.",
    )
    description = fields.Text(translate=True)
    active = fields.Boolean(default=True)

    _code_unique = models.Constraint("UNIQUE(code)", "Each credit factor can be defined once.")
    _weight_positive = models.Constraint(
        "CHECK (weight >= 0)", "A credit factor's weight cannot be negative."
    )

    @api.constrains("code")
    def _check_code_has_method(self):
        for factor in self:
            if not hasattr(factor, f"_compute_factor_{factor.code}"):
                raise ValidationError(
                    _("The credit factor %(factor)s has no way to be computed.", factor=factor.name)
                )

    def _compute_values(self, partners):
        """{factor: {partner_id: (value, note)}} for the given factors and partners, values
        clamped to 0..100."""
        result = {}
        for factor in self:
            method = getattr(factor, f"_compute_factor_{factor.code}", None)
            if method is None:
                raise UserError(
                    _("The credit factor %(factor)s has no way to be computed.", factor=factor.name)
                )
            values = {}
            for partner_id, raw in (method(partners) or {}).items():
                value, note = raw if isinstance(raw, tuple) else (raw, "")
                values[partner_id] = (min(max(float(value), 0.0), 100.0), note or "")
            result[factor] = values
        return result

    # ---------------------------------------------------- the factors this addon can see

    def _compute_factor_licence(self, partners):
        """A valid licence scores 100, one expiring within 30 days 50, none or expired 0."""
        today = fields.Date.context_today(self)
        soon = today + timedelta(days=LICENCE_REMINDER_DAYS)
        result = {}
        for partner in partners:
            expiry = partner.mall_licence_expiry
            if not partner.mall_has_licence:
                result[partner.id] = (0.0, _("No business licence on file."))
            elif not expiry:
                result[partner.id] = (100.0, _("Licence valid indefinitely."))
            elif expiry < today:
                result[partner.id] = (0.0, _("Licence expired on %(date)s.", date=expiry))
            elif expiry <= soon:
                result[partner.id] = (50.0, _("Licence expires on %(date)s.", date=expiry))
            else:
                result[partner.id] = (100.0, _("Licence valid until %(date)s.", date=expiry))
        return result

    def _compute_factor_tenure(self, partners):
        """20 points per full year as a tenant, full marks from five years on."""
        today = fields.Date.context_today(self)
        result = {}
        for partner in partners:
            if not partner.mall_tenant_since:
                result[partner.id] = (0.0, _("Not a tenant yet."))
                continue
            years = max((today - partner.mall_tenant_since).days, 0) / 365.25
            result[partner.id] = (
                min(years * 20.0, 100.0),
                _("%(years)s years as a tenant.", years=round(years, 1)),
            )
        return result

    def _compute_factor_profile(self, partners):
        """The share of the tenant profile that is filled in."""
        contacts = dict(
            self.env["res.partner"]._read_group(
                [("parent_id", "in", partners.ids), ("is_company", "=", False)],
                ["parent_id"],
                ["__count"],
            )
        )
        banks = dict(
            self.env["res.partner.bank"]._read_group(
                [("partner_id", "in", partners.ids)], ["partner_id"], ["__count"]
            )
        )
        brands = dict(
            self.env["mall.brand.tenancy"]._read_group(
                [("partner_id", "in", partners.ids)], ["partner_id"], ["__count"]
            )
        )
        result = {}
        for partner in partners:
            checks = {
                _("Unified Social Credit Code"): partner.mall_uscc,
                _("Legal Representative"): partner.mall_legal_representative,
                _("Registered Address"): partner.mall_registered_address,
                _("Business Licence"): partner.mall_has_licence,
                _("Business Category"): partner.mall_category_id,
                _("Brand"): brands.get(partner),
                _("Contact"): contacts.get(partner),
                _("Bank Account"): banks.get(partner),
            }
            missing = [label for label, ok in checks.items() if not ok]
            value = 100.0 * (len(checks) - len(missing)) / len(checks)
            note = (
                _("Missing: %(fields)s", fields=", ".join(missing)) if missing else _("Complete.")
            )
            result[partner.id] = (value, note)
        return result
