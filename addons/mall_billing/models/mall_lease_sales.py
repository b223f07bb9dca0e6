from decimal import Decimal

from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError


class MallLeaseSales(models.Model):
    """A tenant's sales of one month (营业额申报), the basis of turnover rent (扣点).

    Confirming it plans the turnover rent of the month: the rent the lease's mode gives on
    these sales (the higher of the guaranteed minimum and the percentage, or the stepped
    rate), less the fixed rent the schedule already plans for that month, so that the tenant
    pays exactly the higher of the two."""

    _name = "mall.lease.sales"
    _description = "Declared Monthly Sales"
    _inherit = ["mail.thread"]
    _order = "month desc, lease_id"
    _rec_name = "display_name"

    lease_id = fields.Many2one(
        "mall.lease",
        required=True,
        index=True,
        ondelete="restrict",
        domain="[('state', 'in', ('active', 'expiring', 'terminated', 'expired'))]",
    )
    partner_id = fields.Many2one(related="lease_id.tenant_id", string="Tenant", store=True)
    company_id = fields.Many2one(related="lease_id.company_id", store=True)
    currency_id = fields.Many2one(related="lease_id.currency_id")
    rent_mode = fields.Selection(related="lease_id.rent_mode")
    month = fields.Date(required=True, help="Any day of the month; stored as its first day.")
    amount = fields.Monetary(string="Sales", required=True, tracking=True)
    state = fields.Selection(
        [("draft", "Draft"), ("confirmed", "Confirmed")],
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
    )
    fixed_rent = fields.Monetary(
        readonly=True, help="Fixed rent the schedule plans for the month (guaranteed minimum)."
    )
    turnover_rent = fields.Monetary(
        readonly=True, help="Rent due on these sales under the lease's rent mode."
    )
    amount_due = fields.Monetary(
        string="Turnover Rent Due",
        readonly=True,
        help="What the tenant owes on top of the fixed rent already planned.",
    )
    receivable_id = fields.Many2one("mall.receivable", readonly=True, copy=False)

    _lease_month_unique = models.UniqueIndex(
        "(lease_id, month)", "The sales of this month are already declared for this lease."
    )
    _amount_positive = models.Constraint("CHECK(amount >= 0)", "Sales cannot be negative.")

    @api.depends("lease_id", "month")
    def _compute_display_name(self):
        for rec in self:
            rec.display_name = " ".join(
                filter(None, [rec.lease_id.name, rec.month and rec.month.strftime("%Y-%m")])
            )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("month"):
                vals["month"] = fields.Date.to_date(vals["month"]).replace(day=1)
        return super().create(vals_list)

    def write(self, vals):
        if self.filtered(lambda s: s.state == "confirmed") and {
            "amount",
            "month",
            "lease_id",
        } & set(vals):
            raise UserError(_("Reset the declaration to draft before changing it."))
        if vals.get("month"):
            vals["month"] = fields.Date.to_date(vals["month"]).replace(day=1)
        return super().write(vals)

    def _period(self):
        """The part of the month inside the lease's billed term."""
        self.ensure_one()
        lease = self.lease_id
        start = max(self.month, lease.date_start)
        end = min(self.month + relativedelta(months=1, days=-1), lease._billing_end())
        if end < start:
            raise ValidationError(
                _(
                    "Lease %(lease)s does not run in %(month)s.",
                    lease=lease.name,
                    month=self.month.strftime("%Y-%m"),
                )
            )
        return start, end

    def action_confirm(self):
        """Compute the month's turnover rent and plan it as a receivable (due in arrears)."""
        rent_charge = self.env["mall.charge.type"]._for_rent()
        if not rent_charge:
            raise UserError(_("No charge type bills the rent: set one in the configuration."))
        receivables = self.env["mall.receivable"]
        for sales in self:
            if sales.state != "draft":
                raise UserError(_("This declaration is already confirmed."))
            lease = sales.lease_id
            start, end = sales._period()
            fixed = sum(
                (
                    item["amount"]
                    for item in lease._get_charge_lines(start, end)
                    if item["charge"] == "rent"
                ),
                Decimal(0),
            )
            due = lease._turnover_rent(sales.amount, fixed)
            extra = max(Decimal(due) - fixed, Decimal(0))
            amount = rent_charge._round(extra)
            vals = {
                "state": "confirmed",
                "fixed_rent": float(fixed),
                "turnover_rent": float(due),
                "amount_due": amount,
            }
            if amount > 0:
                receivable = receivables.create(
                    lease._receivable_vals(
                        rent_charge,
                        start,
                        end,
                        amount,
                        source="turnover",
                        due_date=lease._due_date(start, end, "arrears"),
                        unit=lease.line_ids[:1].unit_id,
                        sales_id=sales.id,
                        name=_("Turnover rent %(month)s", month=sales.month.strftime("%Y-%m")),
                    )
                )
                vals["receivable_id"] = receivable.id
            sales.write(vals)
        return True

    def action_reset_draft(self):
        """Reopen a declaration whose turnover rent is not invoiced yet."""
        for sales in self:
            if sales.receivable_id.state in ("invoiced", "paid"):
                raise UserError(
                    _(
                        "The turnover rent of %(sales)s is invoiced: credit the invoice instead.",
                        sales=sales.display_name,
                    )
                )
            sales.receivable_id.filtered(lambda r: r.state == "planned").action_cancel()
        self.write(
            {
                "state": "draft",
                "receivable_id": False,
                "fixed_rent": 0.0,
                "turnover_rent": 0.0,
                "amount_due": 0.0,
            }
        )
        return True
