import random
from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models

from .mall_unit import shelf_layout

DEFAULTS = {"seed": 2026, "units": 260, "tenants": 160, "months": 12}
FLOORS = [("B1", -1), ("1F", 1), ("2F", 2), ("3F", 3), ("4F", 4), ("5F", 5)]
# Planned category mix per floor, the usual vertical zoning of a Chinese mall: food and
# services below, fashion in the middle, children, cinema and dining on top.
FLOOR_MIX = {
    "B1": ["food", "food", "services", "retail"],
    "1F": ["retail", "retail", "retail", "food"],
    "2F": ["retail", "retail", "services"],
    "3F": ["retail", "children", "services"],
    "4F": ["children", "food", "entertainment"],
    "5F": ["food", "food", "entertainment"],
}
# Base rent (CNY/m²/month) by floor, before the category factor: ground floor dearest.
FLOOR_RENT = {"B1": 180, "1F": 420, "2F": 300, "3F": 240, "4F": 190, "5F": 170}
CATEGORY_RENT_FACTOR = {
    "anchor": 0.25,
    "food": 0.9,
    "retail": 1.0,
    "services": 0.85,
    "children": 0.8,
    "entertainment": 0.6,
}
# The path a unit walks through its statuses; history rows are generated along it.
STATE_PATH = ["vacant", "reserved", "signed", "fitting_out", "open", "expiring", "moving_out"]
STATE_WEIGHTS = [
    ("open", 78),
    ("vacant", 8),
    ("fitting_out", 5),
    ("signed", 3),
    ("expiring", 4),
    ("reserved", 1),
    ("moving_out", 1),
]


class MallDemoGenerator(models.AbstractModel):
    """Builds a realistic Chinese demo mall, deterministic by seed and sized by parameters.

    Each Mall Suite addon adds its part by overriding ``_generate_parts`` (call ``super()``
    first: lower addons' data exists before yours). ``ctx`` carries the parameters, the records
    made so far (``ctx['records']``) and the summary returned to the caller."""

    _name = "mall.demo.generator"
    _description = "Demo Mall Generator"

    @api.model
    def generate(self, seed=None, units=None, tenants=None, months=None):
        """Generate the demo mall; returns a summary {what: count}."""
        params = dict(DEFAULTS)
        for key, value in (
            ("seed", seed),
            ("units", units),
            ("tenants", tenants),
            ("months", months),
        ):
            if value is not None:
                params[key] = value
        ctx = {"params": params, "records": {}, "summary": {}}
        self._generate_parts(ctx)
        return ctx["summary"]

    @api.model
    def _rng(self, ctx, part):
        """A random generator of its own for each part, so that adding a part in one addon does
        not change what the others generate."""
        return random.Random(f"{ctx['params']['seed']}:{part}")

    @api.model
    def _generate_parts(self, ctx):
        self._generate_space(ctx)
        self._generate_staff(ctx)
        self._generate_rent_standards(ctx)
        self._generate_state_history(ctx)

    @api.model
    def _generate_space(self, ctx):
        rng = self._rng(ctx, "space")
        company = self.env.company
        mall = self.env["mall.mall"].create(
            {
                "name": "星河汇购物中心",
                "code": f"XHH{ctx['params']['seed'] % 1000:03d}",
                "company_id": company.id,
            }
        )
        floors = self.env["mall.floor"].create(
            [{"name": name, "level": level, "mall_id": mall.id} for name, level in FLOORS]
        )
        categories = {c.code: c for c in self.env["mall.category"].search([])}
        states, weights = zip(*STATE_WEIGHTS, strict=True)
        vals_list = []
        count = ctx["params"]["units"]
        for index in range(count):
            floor = floors[index % len(floors)]
            number = index // len(floors) + 1
            unit_type = "shop"
            if number == 1 and floor.name in ("B1", "1F", "5F"):
                unit_type = "anchor"
            elif number % 17 == 0:
                unit_type = "kiosk"
            gross = {"anchor": rng.uniform(1500, 4000), "kiosk": rng.uniform(6, 20)}.get(
                unit_type, rng.uniform(40, 320)
            )
            gross = round(gross, 2)
            leasable = round(gross * rng.uniform(0.78, 0.9), 2)
            usable = round(leasable * rng.uniform(0.9, 0.98), 2)
            code_cat = "anchor" if unit_type == "anchor" else rng.choice(FLOOR_MIX[floor.name])
            vals_list.append(
                {
                    "code": f"{floor.name}-{number:03d}",
                    "mall_id": mall.id,
                    "floor_id": floor.id,
                    "unit_type": unit_type,
                    "category_id": categories[code_cat].id if code_cat in categories else False,
                    "gross_area": gross,
                    "leasable_area": leasable,
                    "usable_area": usable,
                    "shared_area": round(gross - leasable, 2),
                    "state": rng.choices(states, weights)[0],
                }
            )
        self._layout_units(ctx, vals_list)
        units = (
            self.env["mall.unit"]
            .with_context(
                tracking_disable=True,
                mail_create_nolog=True,
                mall_skip_state_history=True,
            )
            .create(vals_list)
        )
        ctx["records"].update(mall=mall, floors=floors, units=units)
        ctx["summary"].update(malls=1, floors=len(floors), units=len(units))

    @api.model
    def _layout_units(self, ctx, vals_list):
        """Add plan geometry (see ``shelf_layout``) and facilities to the unit values. Its own
        random generator, so the rest of the space is the same as without it."""
        rng = self._rng(ctx, "layout")
        food = {c.id for c in self.env["mall.category"].search([("code", "=", "food")])}
        tags = self.env["mall.unit.tag"].search([], limit=20)
        geometry = shelf_layout(
            [(vals["floor_id"], vals["unit_type"], vals["gross_area"]) for vals in vals_list]
        )
        for vals, (x, y, width, height) in zip(vals_list, geometry, strict=True):
            vals.update(plan_x=x, plan_y=y, plan_width=width, plan_height=height)
            is_food = vals["category_id"] in food
            vals.update(
                power_capacity=round(
                    vals["gross_area"] * rng.choice([0.1, 0.15, 0.2]) * (2 if is_food else 1), 1
                ),
                has_water=is_food or rng.random() < 0.4,
                has_drainage=is_food or rng.random() < 0.3,
                has_gas=is_food and rng.random() < 0.7,
                has_exhaust=is_food,
            )
            if tags and rng.random() < 0.25:
                vals["tag_ids"] = [(6, 0, rng.sample(tags.ids, min(len(tags), rng.randint(1, 2))))]

    @api.model
    def _generate_rent_standards(self, ctx):
        """One approved standard per unit from two years ago; a yearly adjustment in force
        since January for about a third of them, and proposals for next year as drafts."""
        rng = self._rng(ctx, "rent")
        units = ctx["records"]["units"]
        today = fields.Date.context_today(self)
        first = today.replace(month=1, day=1) - relativedelta(years=2)
        this_year = today.replace(month=1, day=1)
        next_year = this_year + relativedelta(years=1)
        manager = self.env.ref("base.user_admin")
        approved = {
            "state": "approved",
            "approved_by_id": manager.id,
            "approved_date": fields.Datetime.now(),
        }
        vals_list = []
        for unit in units:
            factor = CATEGORY_RENT_FACTOR.get(unit.category_id.code, 1.0)
            if unit.unit_type == "kiosk":
                factor *= 1.5
            price = round(
                FLOOR_RENT.get(unit.floor_id.name, 200) * factor * rng.uniform(0.85, 1.15), 1
            )
            adjusted = rng.random() < 0.35
            vals_list.append(
                {
                    "unit_id": unit.id,
                    "date_start": first,
                    "price_month": price,
                    "date_end": this_year - timedelta(days=1) if adjusted else False,
                    "reason": "首次定价",
                    **approved,
                }
            )
            if adjusted:
                price = round(price * (1 + rng.choice([0.03, 0.05, 0.08])), 1)
                vals_list.append(
                    {
                        "unit_id": unit.id,
                        "date_start": this_year,
                        "price_month": price,
                        "reason": "年度调租",
                        **approved,
                    }
                )
            if rng.random() < 0.1:
                vals_list.append(
                    {
                        "unit_id": unit.id,
                        "date_start": next_year,
                        "price_month": round(price * 1.05, 1),
                        "reason": "明年调租提案",
                        "state": "draft",
                    }
                )
        standards = (
            self.env["mall.rent.standard"]
            .with_context(tracking_disable=True, mail_create_nolog=True)
            .create(vals_list)
        )
        ctx["records"]["rent_standards"] = standards
        ctx["summary"]["rent_standards"] = len(standards)

    @api.model
    def _generate_state_history(self, ctx):
        """History rows leading each unit to its current status, a few weeks apart."""
        rng = self._rng(ctx, "history")
        now = fields.Datetime.now()
        users = self.env["res.users"].search([("login", "in", ["leasing", "admin"])])
        reasons = {
            "vacant": "铺位交付",
            "reserved": "意向客户缴纳诚意金",
            "signed": "租赁合同签订",
            "fitting_out": "交付装修",
            "open": "开业",
            "expiring": "合同即将到期",
            "moving_out": "商户撤场",
        }
        vals_list = []
        for unit in ctx["records"]["units"]:
            path = STATE_PATH[: STATE_PATH.index(unit.state) + 1]
            when = now - timedelta(days=60 * len(path) + rng.randint(0, 200))
            previous = False
            for state in path:
                vals_list.append(
                    {
                        "unit_id": unit.id,
                        "date": min(when, now),
                        "from_state": previous,
                        "to_state": state,
                        "user_id": rng.choice(users).id if users else False,
                        "reason": reasons[state],
                    }
                )
                previous = state
                when += timedelta(days=rng.randint(20, 90))
        history = self.env["mall.unit.state.history"].create(vals_list)
        ctx["summary"]["state_history"] = len(history)

    @api.model
    def _generate_staff(self, ctx):
        """Office users, one per role, each with the password of their login."""
        users = self.env["res.users"].with_context(no_reset_password=True)
        made = users.browse()
        for login, name, groups in self._demo_staff():
            if users.search_count([("login", "=", login)]):
                continue
            made |= users.create(
                {
                    "login": login,
                    "password": login,
                    "name": name,
                    "lang": "zh_CN",
                    "group_ids": [(6, 0, [self.env.ref(g).id for g in groups])],
                }
            )
        ctx["summary"]["staff_users"] = len(made)

    @api.model
    def _demo_staff(self):
        """(login, name, group xml ids) of the office users; addons may add theirs."""
        return [
            ("leasing", "李招商", ["mall_leasing.group_leasing_user"]),
            ("finance", "王财务", ["mall_leasing.group_finance_user"]),
            ("engineering", "张工程", ["mall_leasing.group_engineering_user"]),
            ("operations", "赵运营", ["mall_leasing.group_operations_user"]),
        ]
