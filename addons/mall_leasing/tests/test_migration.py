import importlib.util
import os

from odoo.tests import tagged

from .common import MallLeasingCase


def _load_migration():
    path = os.path.join(
        os.path.dirname(os.path.dirname(__file__)), "migrations", "19.0.1.1.0", "post-migrate.py"
    )
    spec = importlib.util.spec_from_file_location("mall_leasing_post_migrate_19_0_1_1_0", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@tagged("post_install", "-at_install")
class TestMigration(MallLeasingCase):
    def test_units_of_older_databases_get_a_plan_and_a_first_history_row(self):
        old = self._make_unit("1F-OLD", plan_width=0.0, plan_height=0.0, state="open")
        self.env["mall.unit.state.history"].search([("unit_id", "=", old.id)]).unlink()
        self.env.flush_all()
        _load_migration().migrate(self.env.cr, "19.0.1.0.0")
        self.env.invalidate_all()
        self.assertGreater(old.plan_width, 0)
        self.assertEqual(old.plan_height, 12.0)
        history = self.env["mall.unit.state.history"].search([("unit_id", "=", old.id)])
        self.assertEqual(history.to_state, "open")
        # units that had both keep them
        self.assertEqual(self.unit_a.plan_width, 10.0)
        self.assertEqual(
            len(self.env["mall.unit.state.history"].search([("unit_id", "=", self.unit_a.id)])), 1
        )
