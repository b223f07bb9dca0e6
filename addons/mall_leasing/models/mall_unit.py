from collections import defaultdict

from markupsafe import Markup

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

UNIT_STATES = [
    ("vacant", "Vacant"),
    ("reserved", "Reserved"),
    ("signed", "Signed"),
    ("fitting_out", "Fitting Out"),
    ("open", "Open"),
    ("expiring", "Expiring"),
    ("moving_out", "Moving Out"),
]
# A unit counts as leased (出租) from the signature until the tenant has left; it is trading
# (开业) from its opening until it leaves.
LEASED_STATES = ("signed", "fitting_out", "open", "expiring", "moving_out")
OPEN_STATES = ("open", "expiring", "moving_out")
# Colours of the floor plan legend (租控图), one per status, shared by the OWL view and the tests.
STATE_COLORS = {
    "vacant": "#e0e0e0",
    "reserved": "#ffd54f",
    "signed": "#64b5f6",
    "fitting_out": "#ba68c8",
    "open": "#66bb6a",
    "expiring": "#ff9800",
    "moving_out": "#e57373",
}
# The same, as indexes of Odoo's colour palette for the kanban cards.
STATE_COLOR_INDEX = {
    "vacant": 1,
    "reserved": 3,
    "signed": 4,
    "fitting_out": 11,
    "open": 10,
    "expiring": 2,
    "moving_out": 9,
}
# Generated floor plan (when a floor has no SVG): units side by side along rows this wide (m),
# as deep as their type, with a corridor between rows.
PLAN_WIDTH, CORRIDOR = 150.0, 6.0
UNIT_DEPTH = {"anchor": 30.0, "kiosk": 3.0}
SHOP_DEPTH = 12.0


def shelf_layout(units):
    """Plan geometry for units given as (floor key, unit type, gross area) tuples in drawing
    order: [(x, y, width, height)] in metres, width = gross area ÷ depth (at least 2 m)."""
    cursor, result = {}, []
    for floor, unit_type, gross_area in units:
        x, y, row_height = cursor.get(floor, (0.0, 0.0, 0.0))
        depth = UNIT_DEPTH.get(unit_type, SHOP_DEPTH)
        width = max(round((gross_area or 0.0) / depth, 1), 2.0)
        if x + width > PLAN_WIDTH and x > 0:
            x, y, row_height = 0.0, y + row_height + CORRIDOR, 0.0
        result.append((x, y, width, depth))
        cursor[floor] = (x + width, y, max(row_height, depth))
    return result


# Category colours follow the 12-colour palette of Odoo's `color` fields.
CATEGORY_COLORS = [
    "#cccccc",
    "#f06050",
    "#f4a460",
    "#f7cd1f",
    "#6cc1ed",
    "#814968",
    "#eb7e7f",
    "#2c8397",
    "#475577",
    "#d6145f",
    "#30c381",
    "#9365b8",
]


# Bus notification that open floor plans listen to, and the unit fields a plan shows.
FLOOR_PLAN_CHANNEL = "mall_leasing/floor_plan_changed"
FLOOR_PLAN_FIELDS = {"state", "floor_id", "category_id", "code", "name", "leasable_area"}


class MallUnit(models.Model):
    """A unit (铺位): the space a tenant rents. Rent and most fees are billed on its
    leasable area (计租面积)."""

    _name = "mall.unit"
    _description = "Mall Unit"
    _inherit = ["mail.thread", "mail.activity.mixin", "image.mixin"]
    _order = "mall_id, floor_id, code"
    _rec_name = "code"

    code = fields.Char(required=True, tracking=True, index=True)
    name = fields.Char(help="Optional display name, e.g. the anchor store's name.")
    mall_id = fields.Many2one("mall.mall", required=True, index=True, ondelete="restrict")
    floor_id = fields.Many2one(
        "mall.floor",
        required=True,
        index=True,
        ondelete="restrict",
        domain="[('mall_id', '=', mall_id)]",
    )
    building_id = fields.Many2one(related="floor_id.building_id", store=True, index=True)
    company_id = fields.Many2one(related="mall_id.company_id", store=True, index=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    active = fields.Boolean(default=True)
    unit_type = fields.Selection(
        [
            ("shop", "Shop"),
            ("kiosk", "Kiosk"),
            ("anchor", "Anchor Store"),
            ("temporary", "Temporary Space"),
            ("office", "Office"),
        ],
        required=True,
        default="shop",
    )
    category_id = fields.Many2one("mall.category", string="Planned Category", index=True)
    tag_ids = fields.Many2many("mall.unit.tag", string="Tags")
    gross_area = fields.Float(digits="Mall Area", tracking=True)
    usable_area = fields.Float(digits="Mall Area")
    leasable_area = fields.Float(digits="Mall Area", tracking=True)
    shared_area = fields.Float(digits="Mall Area")
    state = fields.Selection(
        UNIT_STATES, string="Status", required=True, default="vacant", tracking=True, index=True
    )
    state_history_ids = fields.One2many("mall.unit.state.history", "unit_id")
    state_color = fields.Integer(compute="_compute_state_color")
    note = fields.Html()

    # Facilities (工程条件): what a tenant's fit-out can count on.
    power_capacity = fields.Float(string="Power Capacity (kW)", digits=(10, 1))
    has_water = fields.Boolean(string="Water Supply")
    has_drainage = fields.Boolean(string="Drainage")
    has_gas = fields.Boolean(string="Gas Supply")
    has_exhaust = fields.Boolean(
        string="Kitchen Exhaust", help="A flue for cooking fumes (排油烟), needed by restaurants."
    )
    document_ids = fields.Many2many(
        "ir.attachment",
        "mall_unit_document_rel",
        "unit_id",
        "attachment_id",
        string="Documents",
        help="Drawings, photos, handover records ...",
    )

    # Merging (合铺) and splitting (拆铺): the old units stay archived and linked to the new ones.
    origin_unit_ids = fields.Many2many(
        "mall.unit",
        "mall_unit_lineage_rel",
        "result_id",
        "origin_id",
        string="Made From",
        context={"active_test": False},
        readonly=True,
    )
    successor_unit_ids = fields.Many2many(
        "mall.unit",
        "mall_unit_lineage_rel",
        "origin_id",
        "result_id",
        string="Replaced By",
        context={"active_test": False},
        readonly=True,
    )

    # Geometry on the generated floor plan (metres from the floor's top-left corner); an
    # uploaded SVG plan takes precedence when the floor has one.
    plan_x = fields.Float(digits=(10, 2))
    plan_y = fields.Float(digits=(10, 2))
    plan_width = fields.Float(digits=(10, 2))
    plan_height = fields.Float(digits=(10, 2))

    # Filled by mall_contract (override _compute_lease_info); empty while no lease module knows.
    tenant_id = fields.Many2one("res.partner", compute="_compute_lease_info")
    lease_end_date = fields.Date(compute="_compute_lease_info")

    rent_standard_ids = fields.One2many("mall.rent.standard", "unit_id")
    rent_price = fields.Monetary(
        string="Rent (CNY/m²/month)",
        compute="_compute_rent_price",
        help="Approved rent standard in force today, per m² of leasable area and month.",
    )

    _code_mall_unique = models.Constraint(
        "UNIQUE(mall_id, code)", "A unit code must be unique within its mall."
    )

    @api.constrains("gross_area", "usable_area", "leasable_area", "shared_area")
    def _check_areas(self):
        for unit in self:
            if unit.gross_area <= 0 or unit.leasable_area <= 0:
                raise ValidationError(
                    _(
                        "Unit %(code)s: the gross and leasable areas must be greater than zero.",
                        code=unit.code,
                    )
                )
            if min(unit.usable_area, unit.shared_area) < 0:
                raise ValidationError(_("Unit %(code)s: areas cannot be negative.", code=unit.code))
            if unit.leasable_area > unit.gross_area:
                raise ValidationError(
                    _(
                        "Unit %(code)s: the leasable area (%(leasable)s m²) cannot exceed the "
                        "gross area (%(gross)s m²).",
                        code=unit.code,
                        leasable=unit.leasable_area,
                        gross=unit.gross_area,
                    )
                )

    @api.constrains("floor_id", "mall_id")
    def _check_floor_mall(self):
        for unit in self:
            if unit.floor_id.mall_id != unit.mall_id:
                raise ValidationError(
                    _(
                        "Unit %(code)s: floor %(floor)s belongs to another mall.",
                        code=unit.code,
                        floor=unit.floor_id.name,
                    )
                )

    def _compute_display_name(self):
        for unit in self:
            unit.display_name = f"{unit.code} {unit.name}" if unit.name else unit.code

    @api.depends("state")
    def _compute_state_color(self):
        for unit in self:
            unit.state_color = STATE_COLOR_INDEX.get(unit.state, 0)

    def _compute_lease_info(self):
        """Current tenant and lease end of each unit. mall_leasing knows no lease: mall_contract
        overrides this (call super, then fill from the active leases in one query)."""
        for unit in self:
            unit.tenant_id = False
            unit.lease_end_date = False

    def _compute_rent_price(self):
        prices = self._rent_price_on(fields.Date.context_today(self))
        for unit in self:
            unit.rent_price = prices.get(unit.id, 0.0)

    # ------------------------------------------------------------------ status
    @api.model_create_multi
    def create(self, vals_list):
        units = super().create(vals_list)
        if not self.env.context.get("mall_skip_state_history"):
            units._log_state_history(
                {unit.id: False for unit in units}, self.env.context.get("mall_state_reason")
            )
        return units

    def write(self, vals):
        if "state" not in vals:
            result = super().write(vals)
            if FLOOR_PLAN_FIELDS & set(vals):
                self._notify_floor_plan()
            return result
        before = {unit.id: unit.state for unit in self}
        result = super().write(vals)
        changed = {uid: old for uid, old in before.items() if old != vals["state"]}
        if changed:
            self.browse(list(changed))._log_state_history(
                changed, self.env.context.get("mall_state_reason")
            )
        self._notify_floor_plan()
        return result

    def _notify_floor_plan(self):
        """Tell every open floor plan showing a floor of these units to redraw its statuses
        (through the bus, once the transaction commits), instead of each browser polling.
        Higher addons call it when something the plan shows changes (a lease, a tenant). The
        message names floors only, so it goes to all internal users."""
        floors = self.floor_id
        if floors:
            self.env["bus.bus"]._sendone(
                self.env.ref("base.group_user"), FLOOR_PLAN_CHANNEL, {"floor_ids": floors.ids}
            )

    def _log_state_history(self, old_states, reason=None):
        """Write one history row per unit of ``self`` (old state taken from ``old_states``, a
        dict {unit id: state or False}) and, when a reason is given, note it in the chatter."""
        now = fields.Datetime.now()
        self.env["mall.unit.state.history"].sudo().create(
            [
                {
                    "unit_id": unit.id,
                    "date": now,
                    "from_state": old_states.get(unit.id) or False,
                    "to_state": unit.state,
                    "user_id": self.env.uid,
                    "reason": reason or False,
                }
                for unit in self
            ]
        )
        if reason:
            labels = dict(self._fields["state"]._description_selection(self.env))
            self._message_log_batch(
                {
                    unit.id: Markup("%s<br/>%s")
                    % (
                        _(
                            "Status: %(old)s → %(new)s",
                            old=labels.get(old_states.get(unit.id), "-"),
                            new=labels[unit.state],
                        ),
                        _("Reason: %(reason)s", reason=reason),
                    )
                    for unit in self
                }
            )

    def _set_state(self, new_state, reason=None):
        """Move the units of ``self`` to ``new_state``, recording a history row and a chatter
        note with ``reason`` for each unit whose status actually changes.

        The one entry point for status changes made by programs: mall_contract calls it from
        the lease life cycle (signed, open, expiring, moving out, vacant again), and the
        "Change Status" wizard from the user's hand. Returns the units that changed."""
        if new_state not in dict(UNIT_STATES):
            raise UserError(_("Unknown unit status: %(state)s", state=new_state))
        to_change = self.filtered(lambda u: u.state != new_state)
        if to_change:
            to_change.with_context(mall_state_reason=reason).write({"state": new_state})
        return to_change

    def action_change_state(self):
        """Open the wizard asking for the new status and the reason."""
        return {
            "type": "ir.actions.act_window",
            "name": _("Change Status"),
            "res_model": "mall.unit.state.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_unit_ids": self.ids},
        }

    def action_open_rent_calculator(self):
        """Open the rent calculator on these units."""
        return {
            "type": "ir.actions.act_window",
            "name": _("Rent Calculator"),
            "res_model": "mall.rent.calculator",
            "view_mode": "form",
            "target": "new",
            "context": {"default_unit_ids": self.ids},
        }

    # ------------------------------------------------------------------ rent
    def _rent_standard_on(self, on_date):
        """Approved rent standard in force on ``on_date`` for each unit of ``self``, in one
        query: {unit id: mall.rent.standard}. Units without one are left out.

        A standard is in force from its start date to its end date included (no end: until
        further notice); the latest start wins, so on the day an adjustment starts the new
        price applies."""
        on_date = fields.Date.to_date(on_date)
        standards = self.env["mall.rent.standard"].search(
            [
                ("unit_id", "in", self.ids),
                ("state", "=", "approved"),
                ("date_start", "<=", on_date),
                "|",
                ("date_end", "=", False),
                ("date_end", ">=", on_date),
            ],
            order="unit_id, date_start desc, id desc",
        )
        result = {}
        for standard in standards:
            result.setdefault(standard.unit_id.id, standard)
        return result

    def _rent_price_on(self, on_date):
        """Rent price (CNY per m² of leasable area per month) in force on ``on_date``, for each
        unit of ``self``: {unit id: price}; 0.0 when the unit has no approved standard then.
        The one place billing and contracts ask "what does this unit cost on that day"."""
        standards = self._rent_standard_on(on_date)
        return {
            unit.id: standards[unit.id].price_month if unit.id in standards else 0.0
            for unit in self
        }

    # ------------------------------------------------------------------ occupancy
    @api.model
    def _occupancy_by(self, group_field, domain):
        """Occupancy figures of the active units matching ``domain`` grouped by ``group_field``
        (``floor_id`` or ``mall_id``), in one query:
        {record: {total_area, leased_area, open_area, count, leased_count, vacant_count}}."""
        figures = defaultdict(
            lambda: dict.fromkeys(
                ("total_area", "leased_area", "open_area", "count", "leased_count", "vacant_count"),
                0,
            )
        )
        for group, state, area, count in self._read_group(
            domain, [group_field, "state"], ["leasable_area:sum", "__count"]
        ):
            row = figures[group]
            row["total_area"] += area
            row["count"] += count
            if state in LEASED_STATES:
                row["leased_area"] += area
                row["leased_count"] += count
            if state in OPEN_STATES:
                row["open_area"] += area
            if state == "vacant":
                row["vacant_count"] += count
        return figures

    # ------------------------------------------------------------------ floor plan
    def _floor_plan_values(self):
        """What the floor plan (租控图) shows of each unit of ``self``: a list of dicts, built with
        a fixed number of queries whatever the number of units. Addons add keys by extending
        it (call super, then update the dicts)."""
        today = fields.Date.context_today(self)
        prices = self._rent_price_on(today)
        states = dict(self._fields["state"]._description_selection(self.env))
        types = dict(self._fields["unit_type"]._description_selection(self.env))
        return [
            {
                "id": unit.id,
                "code": unit.code,
                "name": unit.name or "",
                "state": unit.state,
                "state_label": states[unit.state],
                "unit_type": types[unit.unit_type],
                "category": unit.category_id.display_name or "",
                "category_color": CATEGORY_COLORS[(unit.category_id.color or 0) % 12]
                if unit.category_id
                else CATEGORY_COLORS[0],
                "leasable_area": unit.leasable_area,
                "gross_area": unit.gross_area,
                "x": unit.plan_x,
                "y": unit.plan_y,
                "width": unit.plan_width,
                "height": unit.plan_height,
                "tenant": unit.tenant_id.display_name or "",
                "lease_end": fields.Date.to_string(unit.lease_end_date) or "",
                "rent_price": prices.get(unit.id, 0.0),
            }
            for unit in self
        ]

    def action_open_floor_plan(self):
        """The floor plan of this unit's floor."""
        self.ensure_one()
        return self.floor_id.action_open_floor_plan()
