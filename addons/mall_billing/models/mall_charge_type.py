from odoo import _, api, fields, models
from odoo.addons.mall_contract.models.mall_lease_fee import FEE_TYPES
from odoo.addons.mall_leasing.lib.cycles import CYCLES
from odoo.addons.mall_leasing.lib.money import round_money
from odoo.exceptions import ValidationError

# What a meter measures; the metered charge of a kind bills the meters of that kind.
METER_KINDS = [
    ("water", "Water"),
    ("electricity", "Electricity"),
    ("gas", "Gas"),
]
# The deposit fields of mall.lease that a deposit charge bills (the keys are the field names).
DEPOSIT_TERMS = [
    ("deposit_lease", "Lease Deposit"),
    ("deposit_renovation", "Renovation Deposit"),
    ("deposit_quality", "Quality Deposit"),
]


class MallChargeType(models.Model):
    """What a tenant can be billed for: rent, fees, utilities, deposits, late fees.

    A charge type knows its product, its VAT, how often and when it is billed, how it is
    rounded, the late-fee rule that applies when it is paid late, and the tax classification
    the fapiao needs."""

    _name = "mall.charge.type"
    _description = "Charge Type"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True, help="Short technical code, unique, e.g. RENT.")
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    category = fields.Selection(
        [
            ("rent", "Rent"),
            ("fee", "Service Fee"),
            ("utility", "Utility"),
            ("parking", "Parking"),
            ("deposit", "Deposit"),
            ("penalty", "Late Fee"),
            ("other", "Other"),
        ],
        required=True,
        default="other",
    )
    product_id = fields.Many2one(
        "product.product",
        required=True,
        ondelete="restrict",
        help="Service product put on the invoice line.",
    )
    tax_rate = fields.Float(
        string="VAT Rate (%)",
        digits=(5, 2),
        help="Rate used to find the company's sale tax when no tax is set.",
    )
    tax_id = fields.Many2one(
        "account.tax",
        string="Sales Tax",
        company_dependent=True,
        domain="[('type_tax_use', '=', 'sale')]",
        help="Leave empty to use the company's sale tax of the VAT rate.",
    )
    billing_cycle = fields.Selection(
        CYCLES + [("one_off", "One-off"), ("metered", "Metered")], required=True, default="monthly"
    )
    billing_timing = fields.Selection(
        [
            ("advance", "In Advance"),
            ("arrears", "In Arrears"),
        ],
        string="Billed",
        required=True,
        default="advance",
        help="In advance (预收): before the period starts; in arrears (后收): after it ends.",
    )
    rounding = fields.Selection(
        [
            ("fen", "To the fen (0.01)"),
            ("jiao", "To the jiao (0.1)"),
            ("yuan", "To the yuan (1)"),
        ],
        required=True,
        default="fen",
        help="Amounts are rounded half up (四舍五入).",
    )
    meter_kind = fields.Selection(
        METER_KINDS, help="For metered charges: the kind of meter whose readings are billed."
    )
    is_deposit = fields.Boolean(
        string="Is a Deposit",
        help="Deposits are held on a liability account until refunded; they are never revenue.",
    )
    deposit_account_id = fields.Many2one(
        "account.account",
        string="Deposit Liability Account",
        company_dependent=True,
        help="Liability account holding the deposits received; by default 2241 其他应付款.",
    )
    # what the fapiao (发票) needs
    tax_classification_code = fields.Char(
        size=19, help="税收分类编码: the 19 digits of the national goods and services code."
    )
    tax_classification_name = fields.Char(
        string="Tax Classification Short Name",
        help="简称 printed before the item name, e.g. *不动产经营租赁服务*.",
    )
    tax_preferential = fields.Boolean(
        string="Preferential Tax Policy",
        help="优惠政策: the item is taxed under a preferential policy.",
    )
    tax_preferential_note = fields.Char(string="Preferential Policy")
    lease_term = fields.Selection(
        [("rent", "Rent"), *FEE_TYPES, *DEPOSIT_TERMS],
        string="Bills Lease Term",
        index=True,
        help="The term of the lease this charge bills on the receivable schedule: the rent, a "
        "fee type of the lease's fees or one of its deposits.",
    )
    # late fees (滞纳金)
    late_fee_daily_rate = fields.Float(
        digits=(10, 6), help="Share of the overdue amount charged per day, e.g. 0.0005 (万分之五)."
    )
    late_fee_grace_days = fields.Integer(
        string="Grace Days", help="Days after the due date without late fee."
    )
    late_fee_cap_percent = fields.Float(
        string="Late Fee Cap (%)",
        digits=(5, 2),
        help="The late fee never exceeds this share of the overdue amount; 0 means no cap.",
    )

    _code_unique = models.UniqueIndex("(code)", "The code of a charge type must be unique.")
    _late_fee_positive = models.Constraint(
        "CHECK(late_fee_daily_rate >= 0 AND late_fee_grace_days >= 0 "
        "AND late_fee_cap_percent >= 0)",
        "Late fee rate, grace days and cap cannot be negative.",
    )

    @api.constrains("tax_classification_code")
    def _check_tax_classification_code(self):
        for charge in self:
            code = charge.tax_classification_code
            if code and (len(code) != 19 or not code.isdigit()):
                raise ValidationError(
                    _(
                        "The tax classification code of %(charge)s must be 19 digits.",
                        charge=charge.name,
                    )
                )

    @api.constrains("billing_cycle", "meter_kind", "is_deposit")
    def _check_cycle(self):
        for charge in self:
            if charge.billing_cycle == "metered" and not charge.meter_kind:
                raise ValidationError(
                    _("The metered charge %(charge)s needs a meter kind.", charge=charge.name)
                )
            if charge.is_deposit and charge.billing_cycle != "one_off":
                raise ValidationError(
                    _("The deposit %(charge)s must be billed one-off.", charge=charge.name)
                )

    @api.model
    def _by_lease_term(self):
        """{lease term: charge type} of the configured mapping (first by sequence wins)."""
        result = {}
        for charge in self.search([("lease_term", "!=", False)]):
            result.setdefault(charge.lease_term, charge)
        return result

    @api.model
    def _for_rent(self):
        """The charge type billing the rent (fixed and turnover)."""
        return self._by_lease_term().get("rent") or self.browse()

    @api.model
    def _by_fee_type(self):
        """{fee type of mall.lease.fee: charge type}."""
        fee_types = dict(FEE_TYPES)
        return {term: charge for term, charge in self._by_lease_term().items() if term in fee_types}

    @api.model
    def _by_deposit_field(self):
        """{deposit field of mall.lease: charge type}."""
        deposits = dict(DEPOSIT_TERMS)
        return {term: charge for term, charge in self._by_lease_term().items() if term in deposits}

    def _round(self, amount):
        """The amount rounded half up to this charge's step (the fen by default)."""
        self.ensure_one()
        return round_money(amount, self.rounding or "fen")

    def _get_sale_tax_included(self, company=None):
        """The price-included twin of the charge's sale tax: receivable amounts are what the
        tenant pays, tax included, so an invoice line of that price totals it to the fen. The
        twin is created once (a copy of the tax, price included) when the chart lacks it."""
        self.ensure_one()
        tax = self._get_sale_tax(company)
        if not tax or tax.price_include:
            return tax
        Tax = self.env["account.tax"].sudo()
        twin = Tax.search(
            [
                *Tax._check_company_domain(tax.company_id),
                ("type_tax_use", "=", "sale"),
                ("amount_type", "=", tax.amount_type),
                ("amount", "=", tax.amount),
                ("price_include_override", "=", "tax_included"),
                ("tax_group_id", "=", tax.tax_group_id.id),
            ],
            limit=1,
        )
        if not twin:
            twin = tax.sudo().copy(
                {
                    "name": _("%(tax)s (tax included)", tax=tax.name),
                    "price_include_override": "tax_included",
                }
            )
        return twin.sudo(False)

    def _get_sale_tax(self, company=None):
        """The sale tax of this charge for the company: the one set on the charge, else the
        company's percent sale tax of the VAT rate (tax excluded), else an empty recordset.
        Deposits carry no tax."""
        self.ensure_one()
        company = company or self.env.company
        if self.is_deposit:
            return self.env["account.tax"]
        tax = self.with_company(company).tax_id
        if tax:
            return tax
        if not self.tax_rate:
            return self.env["account.tax"]
        return self.env["account.tax"].search(
            [
                *self.env["account.tax"]._check_company_domain(company),
                ("type_tax_use", "=", "sale"),
                ("amount_type", "=", "percent"),
                ("amount", "=", self.tax_rate),
                ("price_include", "=", False),
            ],
            limit=1,
        )

    def _get_deposit_account(self, company=None):
        """The liability account holding this deposit for the company: the one set on the
        charge, else the chart's 2241 (其他应付款), else an empty recordset."""
        self.ensure_one()
        company = company or self.env.company
        account = self.with_company(company).deposit_account_id
        if account or not self.is_deposit:
            return account
        return self.env["account.account"].search(
            [
                *self.env["account.account"]._check_company_domain(company),
                ("code", "=like", "2241%"),
                ("account_type", "like", "liability"),
            ],
            limit=1,
        )
