from odoo.tests import tagged

from .common import MallLeasingCase


@tagged("post_install", "-at_install")
class TestUnitState(MallLeasingCase):
    def _history(self, unit):
        return self.env["mall.unit.state.history"].search([("unit_id", "=", unit.id)], order="id")

    def test_a_new_unit_starts_its_history(self):
        rows = self._history(self.unit_a)
        self.assertEqual(len(rows), 1)
        self.assertFalse(rows.from_state)
        self.assertEqual(rows.to_state, "vacant")

    def test_set_state_writes_history_with_reason_and_chatter(self):
        changed = self.unit_a._set_state("reserved", "意向客户缴纳诚意金")
        self.assertEqual(changed, self.unit_a)
        row = self._history(self.unit_a)[-1]
        self.assertEqual((row.from_state, row.to_state), ("vacant", "reserved"))
        self.assertEqual(row.reason, "意向客户缴纳诚意金")
        self.assertEqual(row.user_id, self.env.user)
        self.assertIn("意向客户缴纳诚意金", self.unit_a.message_ids[0].body)

    def test_every_status_change_is_a_history_row(self):
        units = self.unit_a | self.unit_b
        for state in (
            "reserved",
            "signed",
            "fitting_out",
            "open",
            "expiring",
            "moving_out",
            "vacant",
        ):
            units._set_state(state, "测试")
        self.assertEqual(len(self._history(self.unit_a)), 8)
        self.assertEqual(self._history(self.unit_b).mapped("to_state")[-1], "vacant")
        # a direct write (import, other addon) is recorded too
        self.unit_a.write({"state": "open"})
        self.assertEqual(self._history(self.unit_a)[-1].to_state, "open")

    def test_setting_the_same_status_writes_nothing(self):
        before = len(self._history(self.unit_a))
        self.assertFalse(self.unit_a._set_state("vacant", "无变化"))
        self.assertEqual(len(self._history(self.unit_a)), before)

    def test_state_wizard_asks_for_a_reason(self):
        wizard = self.env["mall.unit.state.wizard"].create(
            {"unit_ids": [(6, 0, self.unit_a.ids)], "new_state": "signed", "reason": "合同已签"}
        )
        wizard.action_apply()
        self.assertEqual(self.unit_a.state, "signed")
        self.assertEqual(self._history(self.unit_a)[-1].reason, "合同已签")

    def test_occupancy_by_area_and_count_on_floor_and_mall(self):
        self.unit_a._set_state("open", "开业")
        self.unit_b._set_state("reserved", "意向")
        self.floor.invalidate_recordset()
        self.assertEqual(self.floor.unit_count, 2)
        self.assertEqual(self.floor.leased_unit_count, 1)
        self.assertAlmostEqual(self.floor.total_leasable_area, 170.0)
        self.assertAlmostEqual(self.floor.leased_area, 85.0)
        self.assertAlmostEqual(self.floor.occupancy_rate, 50.0)
        self.assertAlmostEqual(self.mall.occupancy_rate, 50.0)
        self.assertAlmostEqual(self.mall.opening_rate, 50.0)
        self.assertEqual(self.mall.vacant_unit_count, 0)
