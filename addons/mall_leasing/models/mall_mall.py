from odoo import fields, models

from .mall_floor import _set_occupancy


class MallMall(models.Model):
    """A shopping mall (项目): the top of the space hierarchy, one or several per company."""

    _name = "mall.mall"
    _description = "Mall"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "sequence, name"

    name = fields.Char(required=True, tracking=True)
    code = fields.Char(required=True, tracking=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    partner_id = fields.Many2one(
        "res.partner", string="Address", help="The mall's address, printed on leases and fapiao."
    )
    building_ids = fields.One2many("mall.building", "mall_id")
    floor_ids = fields.One2many("mall.floor", "mall_id")
    unit_ids = fields.One2many("mall.unit", "mall_id")
    floor_count = fields.Integer(compute="_compute_counts")

    # Occupancy (出租率 / 开业率), on active units, by leasable area and by count.
    total_leasable_area = fields.Float(digits="Mall Area", compute="_compute_occupancy")
    leased_area = fields.Float(digits="Mall Area", compute="_compute_occupancy")
    vacant_area = fields.Float(digits="Mall Area", compute="_compute_occupancy")
    occupancy_rate = fields.Float(string="Occupancy (%)", compute="_compute_occupancy")
    opening_rate = fields.Float(string="Opening Rate (%)", compute="_compute_occupancy")
    unit_count = fields.Integer(compute="_compute_occupancy")
    leased_unit_count = fields.Integer(compute="_compute_occupancy")
    vacant_unit_count = fields.Integer(compute="_compute_occupancy")

    _code_company_unique = models.Constraint(
        "UNIQUE(company_id, code)", "A mall code must be unique within a company."
    )

    def _compute_counts(self):
        floors = dict(
            self.env["mall.floor"]._read_group(
                [("mall_id", "in", self.ids)], ["mall_id"], ["__count"]
            )
        )
        for mall in self:
            mall.floor_count = floors.get(mall, 0)

    def _compute_occupancy(self):
        figures = self.env["mall.unit"]._occupancy_by("mall_id", [("mall_id", "in", self.ids)])
        for mall in self:
            _set_occupancy(mall, figures.get(mall))

    def action_open_floor_plan(self):
        """The floor plan of the mall's lowest floor."""
        self.ensure_one()
        return self.floor_ids[:1].action_open_floor_plan()
