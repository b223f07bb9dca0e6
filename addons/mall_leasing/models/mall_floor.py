import base64
import binascii

from lxml import etree

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from .mall_unit import CATEGORY_COLORS, STATE_COLORS

# Elements and attributes that could run code or pull content into the page once the plan is
# drawn inline in the browser.
FORBIDDEN_SVG_TAGS = {"script", "foreignobject", "iframe", "embed", "object"}


def _localname(tag):
    return etree.QName(tag).localname.lower() if isinstance(tag, str) else ""


class MallFloor(models.Model):
    """A floor (楼层) of a mall, e.g. B1, 1F ... 5F, optionally in a building (楼栋)."""

    _name = "mall.floor"
    _description = "Mall Floor"
    _order = "mall_id, building_id, level, id"

    name = fields.Char(required=True)
    mall_id = fields.Many2one("mall.mall", required=True, index=True, ondelete="cascade")
    building_id = fields.Many2one(
        "mall.building", index=True, ondelete="restrict", domain="[('mall_id', '=', mall_id)]"
    )
    company_id = fields.Many2one(related="mall_id.company_id", store=True, index=True)
    level = fields.Integer(
        help="Vertical order of the floor: -1 for B1, 1 for the ground floor (1F)."
    )
    active = fields.Boolean(default=True)
    unit_ids = fields.One2many("mall.unit", "floor_id")
    plan_svg = fields.Binary(
        string="Floor Plan (SVG)",
        attachment=True,
        help="An SVG drawing of the floor whose shapes carry the unit codes in their id or "
        "data-unit attribute. Without one, the plan is drawn from the units' geometry.",
    )
    plan_svg_filename = fields.Char()

    # Occupancy (出租率 / 开业率), on active units, by leasable area and by count.
    total_leasable_area = fields.Float(digits="Mall Area", compute="_compute_occupancy")
    leased_area = fields.Float(digits="Mall Area", compute="_compute_occupancy")
    vacant_area = fields.Float(digits="Mall Area", compute="_compute_occupancy")
    occupancy_rate = fields.Float(
        string="Occupancy (%)",
        compute="_compute_occupancy",
        help="Leased leasable area (signed, fitting out, open, expiring, moving out) divided by "
        "the total leasable area.",
    )
    opening_rate = fields.Float(
        string="Opening Rate (%)",
        compute="_compute_occupancy",
        help="Leasable area of trading units divided by the total leasable area.",
    )
    unit_count = fields.Integer(compute="_compute_occupancy")
    leased_unit_count = fields.Integer(compute="_compute_occupancy")
    vacant_unit_count = fields.Integer(compute="_compute_occupancy")

    _name_mall_unique = models.Constraint(
        "UNIQUE NULLS NOT DISTINCT (mall_id, building_id, name)",
        "A floor name must be unique within a mall's building.",
    )

    @api.depends("name", "building_id.name")
    def _compute_display_name(self):
        for floor in self:
            floor.display_name = (
                f"{floor.building_id.name} / {floor.name}" if floor.building_id else floor.name
            )

    def _compute_occupancy(self):
        figures = self.env["mall.unit"]._occupancy_by("floor_id", [("floor_id", "in", self.ids)])
        for floor in self:
            _set_occupancy(floor, figures.get(floor))

    @api.constrains("plan_svg")
    def _check_plan_svg(self):
        for floor in self.filtered("plan_svg"):
            floor._parse_plan_svg(floor._plan_svg_bytes())

    @api.model
    def _parse_plan_svg(self, data):
        """Parse an uploaded floor plan (bytes) and return its root element, or raise a
        ValidationError saying why it is not a usable SVG: not XML,
        not an <svg> root, or carrying scripts (script elements, on* event attributes,
        javascript: links)."""
        parser = etree.XMLParser(
            resolve_entities=False,
            no_network=True,
            dtd_validation=False,
            load_dtd=False,
            huge_tree=False,
            remove_comments=True,
        )
        try:
            root = etree.fromstring(data, parser=parser)
        except (etree.XMLSyntaxError, ValueError) as error:
            raise ValidationError(
                _(
                    "The floor plan must be an SVG drawing; this file is not readable XML "
                    "(%(error)s).",
                    error=str(error) or "-",
                )
            ) from error
        if _localname(root.tag) != "svg":
            raise ValidationError(
                _(
                    "The floor plan must be an SVG drawing: its root element is <%(tag)s>, not "
                    "<svg>.",
                    tag=_localname(root.tag),
                )
            )
        for element in root.iter():
            if not isinstance(element.tag, str):
                continue
            if _localname(element.tag) in FORBIDDEN_SVG_TAGS:
                raise ValidationError(
                    _(
                        "The floor plan cannot contain scripts or embedded content (<%(tag)s>).",
                        tag=_localname(element.tag),
                    )
                )
            for name, value in element.attrib.items():
                if _localname(name).startswith("on") or "javascript:" in value.lower().replace(
                    " ", ""
                ):
                    raise ValidationError(
                        _(
                            "The floor plan cannot contain scripts (attribute %(attr)s).",
                            attr=_localname(name),
                        )
                    )
        return root

    @api.constrains("building_id", "mall_id")
    def _check_building_mall(self):
        for floor in self:
            if floor.building_id and floor.building_id.mall_id != floor.mall_id:
                raise ValidationError(
                    _(
                        "Floor %(floor)s: building %(building)s belongs to another mall.",
                        floor=floor.name,
                        building=floor.building_id.name,
                    )
                )

    def _plan_svg_bytes(self):
        self.ensure_one()
        data = self.with_context(bin_size=False).plan_svg
        if not data:
            return b""
        try:
            return base64.b64decode(data, validate=False)
        except (binascii.Error, ValueError) as error:
            raise ValidationError(_("The floor plan file could not be read.")) from error

    def get_floor_plan_data(self, with_svg=True):
        """Everything the floor plan client action draws for this floor, in one call: the
        floor, its sibling floors (to switch), the legend, the SVG drawing if any (``None``
        when ``with_svg`` is false: the client refreshing the statuses keeps the drawing it
        has) and every active unit (see ``mall.unit._floor_plan_values``)."""
        self.ensure_one()
        units = self.env["mall.unit"].search([("floor_id", "=", self.id)])
        states = self.env["mall.unit"]._fields["state"]._description_selection(self.env)
        floors = self.search([("mall_id", "=", self.mall_id.id)])
        categories = units.category_id
        return {
            "floor": {
                "id": self.id,
                "name": self.display_name,
                "mall": self.mall_id.name,
                "occupancy_rate": self.occupancy_rate,
                "unit_count": self.unit_count,
                "leased_unit_count": self.leased_unit_count,
            },
            "floors": [{"id": f.id, "name": f.display_name} for f in floors],
            "svg": (self._plan_svg_bytes().decode("utf-8", "replace") if self.plan_svg else "")
            if with_svg
            else None,
            "states": [
                {"key": key, "label": label, "color": STATE_COLORS[key]} for key, label in states
            ],
            "categories": [
                {"name": c.display_name, "color": CATEGORY_COLORS[(c.color or 0) % 12]}
                for c in categories
            ],
            "currency": self.mall_id.currency_id.symbol or "¥",
            "units": units._floor_plan_values(),
        }

    def action_open_floor_plan(self):
        """Open the floor plan (租控图) client action on this floor."""
        floor = self[:1] or self.search([], limit=1)
        return {
            "type": "ir.actions.client",
            "tag": "mall_leasing.floor_plan",
            "name": _("Floor Plan"),
            "params": {"floor_id": floor.id},
        }


def _set_occupancy(record, row):
    """Write the occupancy fields of a floor or a mall from one row of
    ``mall.unit._occupancy_by`` (None: no unit)."""
    row = row or {}
    total = row.get("total_area", 0.0)
    record.total_leasable_area = total
    record.leased_area = row.get("leased_area", 0.0)
    record.vacant_area = total - row.get("leased_area", 0.0)
    record.occupancy_rate = 100.0 * row.get("leased_area", 0.0) / total if total else 0.0
    record.opening_rate = 100.0 * row.get("open_area", 0.0) / total if total else 0.0
    record.unit_count = row.get("count", 0)
    record.leased_unit_count = row.get("leased_count", 0)
    record.vacant_unit_count = row.get("vacant_count", 0)
