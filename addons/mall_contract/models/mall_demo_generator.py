from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.addons.mall_leasing.lib.money import round_money

# Share of the open / expiring demo units that get a lease (the rest are leased by nobody the
# system knows of, e.g. historic paper contracts).
LEASED_SHARE = 0.9


class MallDemoGenerator(models.AbstractModel):
    _inherit = "mall.demo.generator"

    @api.model
    def _generate_parts(self, ctx):
        result = super()._generate_parts(ctx)
        self._generate_leases(ctx)
        return result

    @api.model
    def _generate_leases(self, ctx):
        """Leases in force for most open and expiring units, through the demo-only path
        (no approval, no signature: see mall.lease._demo_create_active)."""
        rng = self._rng(ctx, "leases")
        units = ctx["records"].get("units")
        tenants = ctx["records"].get("tenants")
        if not units or not tenants:
            return
        today = fields.Date.context_today(self)
        template = self.env.ref("mall_contract.lease_template_standard", raise_if_not_found=False)
        expiring_days = self.env.company.mall_lease_expiring_days
        prices = units._rent_price_on(today)
        vals_list = []
        leased = units.filtered(lambda u: u.state in ("open", "expiring"))
        for index, unit in enumerate(leased):
            if rng.random() > LEASED_SHARE:
                continue
            tenant = tenants[index % len(tenants)]
            if unit.state == "expiring":
                date_end = today + timedelta(days=rng.randint(10, max(expiring_days - 1, 10)))
            else:
                date_end = today + timedelta(days=rng.randint(expiring_days + 1, 2 * 365))
            years = rng.choice([3, 5])
            date_start = date_end - relativedelta(years=years) + timedelta(days=1)
            price = prices.get(unit.id) or 200.0
            vals_list.append(
                {
                    "mall_id": unit.mall_id.id,
                    "tenant_id": tenant.id,
                    "lease_type": "office" if unit.unit_type == "office" else "standard",
                    "template_id": template.id if template else False,
                    "date_start": date_start,
                    "date_end": date_end,
                    "date_handover": date_start,
                    "date_opening": min(date_start + relativedelta(months=2), date_end),
                    "escalation_rate": rng.choice([0.0, 3.0, 5.0]),
                    "deposit_lease": round_money(price * unit.leasable_area * 3),
                    "payment_cycle": rng.choice(["monthly", "quarterly"]),
                    "line_ids": [
                        (
                            0,
                            0,
                            {
                                "unit_id": unit.id,
                                "leasable_area": unit.leasable_area,
                                "price": price,
                            },
                        )
                    ],
                    "fee_ids": [
                        (
                            0,
                            0,
                            {"fee_type": "property", "price": 28.0, "billing_cycle": "quarterly"},
                        ),
                        (0, 0, {"fee_type": "marketing", "price": 5.0}),
                    ],
                }
            )
        leases = self.env["mall.lease"]._demo_create_active(vals_list)
        ctx["records"]["leases"] = leases
        ctx["summary"]["leases"] = len(leases)
