from odoo import _, api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL

# Lease states in which a lease holds its units: two leases in these states may never share a
# unit on the same day. Expired and terminated leases keep holding the days they ran, so that
# nobody backdates a lease over history; a termination shortens the held range (block_end).
BLOCKING_STATES = ("approved", "signing", "active", "expiring", "expired", "terminated")
# What a line may not change once its lease has left the draft state (amendments excepted).
LINE_TERM_FIELDS = {"unit_id", "leasable_area", "price", "lease_id"}


class MallLeaseLine(models.Model):
    """One unit of a lease at its own price (多铺多价). Dates and state are copied from the lease
    onto the line so that PostgreSQL can refuse overlapping leases on a unit by itself."""

    _name = "mall.lease.line"
    _inherit = ["mall.lease.term.mixin"]
    _lease_term_fields = LINE_TERM_FIELDS
    _description = "Lease Unit"
    _order = "lease_id, sequence, id"

    lease_id = fields.Many2one("mall.lease", required=True, index=True, ondelete="cascade")
    sequence = fields.Integer(default=10)
    company_id = fields.Many2one(related="lease_id.company_id", store=True)
    currency_id = fields.Many2one(related="lease_id.currency_id")
    mall_id = fields.Many2one(related="lease_id.mall_id", store=True)
    unit_id = fields.Many2one(
        "mall.unit",
        required=True,
        index=True,
        ondelete="restrict",
        domain="[('mall_id', '=', mall_id)]",
    )
    floor_id = fields.Many2one(related="unit_id.floor_id", store=True)
    lease_type = fields.Selection(related="lease_id.lease_type", store=True)
    leasable_area = fields.Float(
        string="Leasable Area (m²)",
        digits="Mall Area",
        required=True,
        compute="_compute_leasable_area",
        store=True,
        readonly=False,
        precompute=True,
    )
    price = fields.Monetary(
        string="Rent (CNY/m²/month)",
        required=True,
        help="Base monthly rent per m² of leasable area, before escalation.",
    )
    standard_price = fields.Monetary(
        string="Rent Standard (CNY/m²/month)",
        compute="_compute_standard_price",
        help="The unit's approved rent standard on the lease's start date.",
    )
    monthly_rent = fields.Monetary(compute="_compute_monthly_rent", store=True)
    # Denormalized from the lease for the exclusion constraint (see init()).
    date_start = fields.Date(related="lease_id.date_start", store=True)
    block_end = fields.Date(
        compute="_compute_block_end",
        store=True,
        help="Last day the lease holds the unit: the end of the term, or the termination date.",
    )
    state = fields.Selection(related="lease_id.state", store=True, index=True)
    tenant_id = fields.Many2one(related="lease_id.tenant_id", store=True, index=True)

    _price_positive = models.Constraint(
        "CHECK (price >= 0)", "The rent price of a unit cannot be negative."
    )
    _area_positive = models.Constraint(
        "CHECK (leasable_area > 0)", "The leasable area of a unit must be greater than zero."
    )

    def init(self):
        # The ORM cannot express an exclusion constraint. btree_gist is a trusted extension
        # (PostgreSQL 13+): the database owner may create it without superuser rights.
        self.env.cr.execute("CREATE EXTENSION IF NOT EXISTS btree_gist")
        self.env.cr.execute(
            "SELECT 1 FROM pg_constraint WHERE conname = 'mall_lease_line_unit_no_overlap'"
        )
        if not self.env.cr.fetchone():
            # psycopg2 interpolates on the client side, so the parameter also works in DDL.
            self.env.cr.execute(
                SQL(
                    """
                ALTER TABLE mall_lease_line ADD CONSTRAINT mall_lease_line_unit_no_overlap
                EXCLUDE USING gist (unit_id WITH =, daterange(date_start, block_end, '[]') WITH &&)
                WHERE (state IN %s AND date_start IS NOT NULL AND block_end IS NOT NULL)
            """,
                    BLOCKING_STATES,
                )
            )

    @api.depends("unit_id")
    def _compute_leasable_area(self):
        for line in self:
            if line.unit_id and not line.leasable_area:
                line.leasable_area = line.unit_id.leasable_area

    @api.depends("unit_id", "lease_id.date_start")
    def _compute_standard_price(self):
        by_date = {}
        for line in self:
            by_date.setdefault(
                line.lease_id.date_start or fields.Date.context_today(self),
                self.env["mall.lease.line"],
            )
            by_date[line.lease_id.date_start or fields.Date.context_today(self)] |= line
        for on_date, lines in by_date.items():
            prices = lines.unit_id._rent_price_on(on_date)
            for line in lines:
                line.standard_price = prices.get(line.unit_id.id, 0.0)

    @api.depends("leasable_area", "price")
    def _compute_monthly_rent(self):
        for line in self:
            line.monthly_rent = line.leasable_area * line.price

    @api.depends("lease_id.date_end", "lease_id.termination_date", "lease_id.state")
    def _compute_block_end(self):
        for line in self:
            lease = line.lease_id
            line.block_end = (
                lease.termination_date
                if lease.state == "terminated" and lease.termination_date
                else lease.date_end
            )

    @api.constrains("price", "leasable_area")
    def _check_price_area(self):
        for line in self:
            if line.price < 0:
                raise ValidationError(
                    _(
                        "Unit %(unit)s: the rent price cannot be negative.",
                        unit=line.unit_id.display_name,
                    )
                )
            if line.leasable_area <= 0:
                raise ValidationError(
                    _(
                        "Unit %(unit)s: the leasable area must be greater than zero.",
                        unit=line.unit_id.display_name,
                    )
                )

    @api.constrains("unit_id", "lease_id")
    def _check_unit_mall(self):
        for line in self:
            if line.unit_id.mall_id != line.lease_id.mall_id:
                raise ValidationError(
                    _(
                        "Unit %(unit)s belongs to mall %(unit_mall)s, not to the lease's mall "
                        "%(mall)s.",
                        unit=line.unit_id.display_name,
                        unit_mall=line.unit_id.mall_id.name,
                        mall=line.lease_id.mall_id.name,
                    )
                )

    @api.constrains("unit_id", "date_start", "block_end", "state")
    def _check_no_overlap(self):
        """The readable twin of the exclusion constraint: one query for all lines."""
        lines = self.filtered(
            lambda ln: ln.state in BLOCKING_STATES and ln.date_start and ln.block_end
        )
        if not lines:
            return
        others = self.search(
            [
                ("unit_id", "in", lines.unit_id.ids),
                ("state", "in", BLOCKING_STATES),
                ("id", "not in", lines.ids),
                ("lease_id", "not in", lines.lease_id.ids),
            ]
        )
        for line in lines:
            for other in others:
                if (
                    other.unit_id == line.unit_id
                    and other.date_start <= line.block_end
                    and line.date_start <= other.block_end
                ):
                    raise ValidationError(
                        _(
                            "Unit %(unit)s is already leased from %(start)s to %(end)s under lease "
                            "%(lease)s (%(tenant)s): leases on one unit cannot overlap.",
                            unit=line.unit_id.display_name,
                            start=other.date_start,
                            end=other.block_end,
                            lease=other.lease_id.name,
                            tenant=other.lease_id.tenant_id.name,
                        )
                    )
        lines_by_unit = {}
        for line in lines:
            for same in lines_by_unit.get(line.unit_id.id, []):
                if (
                    same.lease_id != line.lease_id
                    and same.date_start <= line.block_end
                    and line.date_start <= same.block_end
                ):
                    raise ValidationError(
                        _(
                            "Unit %(unit)s cannot be in two overlapping leases.",
                            unit=line.unit_id.display_name,
                        )
                    )
            lines_by_unit.setdefault(line.unit_id.id, []).append(line)

    @api.constrains("unit_id", "lease_id")
    def _check_unit_once_per_lease(self):
        for lease in self.lease_id:
            units = lease.line_ids.unit_id
            if len(units) != len(lease.line_ids):
                raise ValidationError(_("A unit can appear only once in a lease."))

    @api.model
    def _check_price_vals(self, vals):
        """A clear message before the database's CHECK refuses a negative price."""
        if (vals.get("price") or 0) < 0:
            raise ValidationError(_("The rent price of a unit cannot be negative."))

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._check_price_vals(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._check_price_vals(vals)
        return super().write(vals)
