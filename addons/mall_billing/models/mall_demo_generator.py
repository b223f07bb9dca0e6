from dateutil.relativedelta import relativedelta

from odoo import api, fields, models

# Price per kWh / m³ (CNY, tax excluded), typical commercial tariffs.
PRICES = {"electricity": 1.05, "water": 6.2, "gas": 3.9}
# Monthly consumption per m² of leasable area, by kind.
USE_PER_M2 = {"electricity": 28.0, "water": 0.35, "gas": 1.6}


class MallDemoGenerator(models.AbstractModel):
    _inherit = "mall.demo.generator"

    @api.model
    def _generate_parts(self, ctx):
        result = super()._generate_parts(ctx)
        self._generate_meters(ctx)
        self._generate_billing(ctx)
        return result

    @api.model
    def _generate_billing(self, ctx):
        """The demo mall went live on billing at the start of last month: the leases' schedule
        from then on, last month billed (its meter readings too), about three in four of its
        invoices paid; this month is left for finance to bill."""
        leases = ctx["records"].get("leases")
        if not leases:
            return
        rng = self._rng(ctx, "billing")
        today = fields.Date.context_today(self)
        last_month = today.replace(day=1) - relativedelta(months=1)
        self.env.company.mall_billing_start_date = last_month
        leases._sync_receivables()
        run = self.env["mall.billing.run"].with_context(
            tracking_disable=True, mall_billing_cache={}).create({"period": last_month})
        run.action_preview()
        run.state = "running"
        run._execute()
        moves = run.move_ids.filtered(lambda m: rng.random() < 0.75)
        if moves:
            self.env["account.payment.register"].with_context(
                active_model="account.move", active_ids=moves.ids).create(
                {"group_payment": False, "payment_date": last_month + relativedelta(days=8)}
            )._create_payments()
        ctx["summary"].update(receivables=len(leases.receivable_ids),
                              invoices=len(run.move_ids), invoices_paid=len(moves))

    @api.model
    def _generate_meters(self, ctx):
        """An electricity meter per unit, water and gas where the unit has them, a common
        electricity meter per floor; monthly readings on the first of the month for up to six
        months, with one spike left flagged for review."""
        rng = self._rng(ctx, "meters")
        records = ctx["records"]
        units, floors, mall = records.get("units"), records.get("floors"), records.get("mall")
        if not units or not mall:
            return
        vals_list, areas = [], []
        for unit in units:
            kinds = ["electricity"] + (["water"] if unit.has_water else []) + (
                ["gas"] if unit.has_gas else [])
            for kind in kinds:
                vals_list.append({
                    "code": f"{kind[0].upper()}-{unit.code}", "kind": kind, "mall_id": mall.id,
                    "unit_id": unit.id, "floor_id": unit.floor_id.id,
                    "multiplier": 40.0 if kind == "electricity" and unit.unit_type == "anchor"
                    else 1.0,
                    "unit_price": PRICES[kind]})
                areas.append(unit.leasable_area)
        for floor in floors or []:
            vals_list.append({
                "code": f"E-{floor.name}-公区", "kind": "electricity", "mall_id": mall.id,
                "floor_id": floor.id, "is_common": True, "share_scope": "floor",
                "unit_price": PRICES["electricity"]})
            areas.append(3000.0)
        meters = self.env["mall.meter"].with_context(
            tracking_disable=True, mail_create_nolog=True).create(vals_list)
        today = fields.Date.context_today(self).replace(day=1)
        months = min(ctx["params"]["months"], 6)
        reading_vals = []
        for meter, area in zip(meters, areas, strict=True):
            value = round(rng.uniform(0, 5000), 2)
            monthly = USE_PER_M2[meter.kind] * area / meter.multiplier
            for month in range(months, -1, -1):
                reading_vals.append({"meter_id": meter.id, "value": value,
                                     "date": today - relativedelta(months=month)})
                value = round(value + monthly * rng.uniform(0.8, 1.2), 2)
        if reading_vals and months >= 4:
            # the last reading of the first meter: a misread digit, left for finance to review
            reading_vals[months]["value"] = round(reading_vals[months]["value"] * 3 + 9000, 2)
        readings = self.env["mall.meter.reading"].create(reading_vals)
        records.update(meters=meters, meter_readings=readings)
        ctx["summary"].update(meters=len(meters), meter_readings=len(readings))
