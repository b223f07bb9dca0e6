from odoo import fields
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestDemoGenerator(TransactionCase):
    def test_small_demo_mall_has_prices_plan_and_history_for_every_unit(self):
        summary = self.env["mall.demo.generator"].generate(seed=7, units=30, tenants=5, months=1)
        self.assertEqual(summary["units"], 30)
        mall = self.env["mall.mall"].search([("code", "=", "XHH007")])
        units = mall.unit_ids
        self.assertEqual(len(units), 30)
        prices = units._rent_price_on(fields.Date.context_today(units))
        self.assertTrue(all(prices[unit.id] > 0 for unit in units))
        self.assertTrue(all(unit.plan_width > 0 and unit.plan_height > 0 for unit in units))
        history = self.env["mall.unit.state.history"].search(
            [("unit_id", "in", units.ids)], order="date, id"
        )
        last = {}
        for row in history:
            last[row.unit_id] = row.to_state
        self.assertEqual({unit: unit.state for unit in units}, last)
        # the plan of a floor is one call whatever its size
        data = units.floor_id[0].get_floor_plan_data()
        self.assertEqual(
            len(data["units"]), len(units.filtered(lambda u: u.floor_id == units.floor_id[0]))
        )
