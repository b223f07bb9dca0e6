import random

from odoo import api, models

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
STATE_WEIGHTS = [("open", 78), ("vacant", 8), ("fitting_out", 5), ("signed", 3),
                 ("expiring", 4), ("reserved", 1), ("moving_out", 1)]


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
        for key, value in (("seed", seed), ("units", units), ("tenants", tenants),
                           ("months", months)):
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

    @api.model
    def _generate_space(self, ctx):
        rng = self._rng(ctx, "space")
        company = self.env.company
        mall = self.env["mall.mall"].create({
            "name": "星河汇购物中心",
            "code": f"XHH{ctx['params']['seed'] % 1000:03d}",
            "company_id": company.id,
        })
        floors = self.env["mall.floor"].create([
            {"name": name, "level": level, "mall_id": mall.id} for name, level in FLOORS])
        categories = {c.code: c for c in self.env["mall.category"].search([])}
        states, weights = zip(*STATE_WEIGHTS)
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
                unit_type, rng.uniform(40, 320))
            gross = round(gross, 2)
            leasable = round(gross * rng.uniform(0.78, 0.9), 2)
            usable = round(leasable * rng.uniform(0.9, 0.98), 2)
            code_cat = "anchor" if unit_type == "anchor" else rng.choice(FLOOR_MIX[floor.name])
            vals_list.append({
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
            })
        units = self.env["mall.unit"].with_context(
            tracking_disable=True, mail_create_nolog=True).create(vals_list)
        ctx["records"].update(mall=mall, floors=floors, units=units)
        ctx["summary"].update(malls=1, floors=len(floors), units=len(units))

    @api.model
    def _generate_staff(self, ctx):
        """Office users, one per role, each with the password of their login."""
        users = self.env["res.users"].with_context(no_reset_password=True)
        made = users.browse()
        for login, name, groups in self._demo_staff():
            if users.search_count([("login", "=", login)]):
                continue
            made |= users.create({
                "login": login, "password": login, "name": name, "lang": "zh_CN",
                "group_ids": [(6, 0, [self.env.ref(g).id for g in groups])],
            })
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
