from odoo import _, api, fields, models
from odoo.exceptions import UserError

RECEIVABLE_STATES = [
    ("planned", "Planned"),
    ("invoiced", "Invoiced"),
    ("paid", "Paid"),
    ("cancelled", "Cancelled"),
]

RECEIVABLE_SOURCES = [
    ("schedule", "Lease Schedule"),
    ("turnover", "Turnover Rent"),
    ("deposit", "Deposit"),
    ("manual", "Manual"),
]


class MallReceivable(models.Model):
    """One dated amount a tenant owes (应收计划): a charge of a lease for a period.

    The lease's schedule turns into planned receivables on activation; meter readings,
    declared sales (turnover rent), deposits and late fees add their own. The billing run
    turns planned receivables into posted customer invoices; the invoice's payment state
    makes them paid. A period of a charge of a lease line is never planned twice (a partial
    unique index), so it can never be billed twice.

    ``source`` is a hook: an addon planning receivables of its own adds its source to the
    selection (and a unique index of its own)."""

    _name = "mall.receivable"
    _description = "Receivable"
    _order = "due_date, lease_id, sequence, id"
    _rec_name = "display_name"

    lease_id = fields.Many2one("mall.lease", index=True, ondelete="restrict")
    partner_id = fields.Many2one(
        "res.partner", string="Tenant", required=True, index=True, ondelete="restrict"
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    mall_id = fields.Many2one("mall.mall", index=True)
    unit_id = fields.Many2one("mall.unit", index=True)
    lease_line_id = fields.Many2one("mall.lease.line", ondelete="set null")
    fee_id = fields.Many2one("mall.lease.fee", ondelete="set null")
    charge_type_id = fields.Many2one(
        "mall.charge.type", required=True, index=True, ondelete="restrict"
    )
    category = fields.Selection(related="charge_type_id.category", store=True)
    source = fields.Selection(RECEIVABLE_SOURCES, required=True, default="schedule")
    sequence = fields.Integer(related="charge_type_id.sequence", store=True)
    name = fields.Char(string="Description")
    period_start = fields.Date(required=True)
    period_end = fields.Date(required=True)
    due_date = fields.Date(required=True, index=True)
    amount = fields.Monetary(required=True, help="Tax included, rounded by the charge type.")
    state = fields.Selection(
        RECEIVABLE_STATES,
        required=True,
        default="planned",
        index=True,
        readonly=True,
        compute="_compute_state",
        store=True,
        copy=False,
        help="Follows the invoice: invoiced once it exists, paid when it is paid (or in "
        "payment), planned again when it is cancelled or deleted, cancelled when a credit "
        "note reverses it.",
    )
    move_id = fields.Many2one(
        "account.move", string="Invoice", index=True, readonly=True, copy=False, ondelete="set null"
    )
    sales_id = fields.Many2one("mall.lease.sales", string="Sales Declaration", ondelete="set null")
    floor_id = fields.Many2one(related="unit_id.floor_id", store=True)
    payment_state = fields.Selection(related="move_id.payment_state", string="Payment Status")

    # One period of one charge of one lease line (or unit) from one source of this addon,
    # once; cancelled receivables do not count so that an amendment can plan the period again.
    # Sources added by other addons (meter readings, late fees) bring their own index.
    _period_unique = models.UniqueIndex(
        "(lease_id, charge_type_id, source, period_start, lease_line_id, fee_id) "
        "NULLS NOT DISTINCT WHERE state != 'cancelled' "
        "AND source IN ('schedule', 'turnover', 'deposit', 'manual')",
        "This period of this charge is already on the receivable schedule.",
    )
    _period_order = models.Constraint(
        "CHECK (period_end >= period_start)", "A receivable period cannot end before it starts."
    )

    @api.model_create_multi
    def create(self, vals_list):
        # a receivable cancelled in this transaction frees its period: the UPDATE must reach
        # the database before the INSERT meets the partial unique index
        self.flush_model(["state"])
        return super().create(vals_list)

    @api.depends("move_id.state", "move_id.payment_state")
    def _compute_state(self):
        for rec in self:
            move = rec.move_id
            if rec.state == "cancelled":
                continue
            if not move or move.state == "cancel":
                rec.state = "planned"
            elif move.payment_state in ("paid", "in_payment"):
                rec.state = "paid"
            elif move.payment_state == "reversed":
                rec.state = "cancelled"
            else:
                rec.state = "invoiced"

    @api.model
    def _schedule_key(self, rec):
        """What identifies a schedule receivable across regenerations (values or record)."""

        def get(name):
            value = rec[name]
            return value.id if isinstance(value, models.BaseModel) else (value or False)

        return tuple(
            get(name)
            for name in (
                "lease_id",
                "charge_type_id",
                "source",
                "lease_line_id",
                "fee_id",
                "period_start",
            )
        )

    def _matches(self, vals):
        """Whether this receivable already is what ``vals`` plan."""
        self.ensure_one()
        return (
            self.period_end == vals["period_end"]
            and self.due_date == fields.Date.to_date(vals["due_date"])
            and self.currency_id.compare_amounts(self.amount, vals["amount"]) == 0
        )

    @api.depends("charge_type_id", "period_start", "period_end", "unit_id")
    def _compute_display_name(self):
        for rec in self:
            parts = [rec.charge_type_id.name or "", rec.unit_id.code or ""]
            if rec.period_start and rec.period_end:
                parts.append(f"{rec.period_start}~{rec.period_end}")
            rec.display_name = " ".join(p for p in parts if p)

    def action_cancel(self):
        """Cancel planned receivables (an amendment, a termination, a correction)."""
        if self.filtered(lambda r: r.state != "planned"):
            raise UserError(
                _(
                    "Only planned receivables can be cancelled; credit the invoice "
                    "of an invoiced one instead."
                )
            )
        self.write({"state": "cancelled"})
