from datetime import date

import psycopg2

from odoo import SUPERUSER_ID, api
from odoo.exceptions import ValidationError
from odoo.tests import TransactionCase, tagged
from odoo.tools import mute_logger

from .common import MallLeaseCase


@tagged("post_install", "-at_install")
class TestLeaseOverlap(MallLeaseCase):
    def test_overlapping_lease_on_a_unit_is_rejected(self):
        self._approved(self._lease(start=date(2026, 1, 1), end=date(2026, 12, 31)))
        second = self._lease(
            start=date(2026, 6, 1), end=date(2027, 5, 31), tenant=self.other_tenant
        )
        second.with_user(self.clerk).action_submit()
        with self.assertRaisesRegex(ValidationError, "已于"):
            second.with_user(self.manager).with_context(
                mall_lease_no_signature=True
            ).action_approve()

    def test_consecutive_leases_on_a_unit_are_fine(self):
        self._approved(self._lease(start=date(2026, 1, 1), end=date(2026, 12, 31)))
        nxt = self._approved(self._lease(start=date(2027, 1, 1), end=date(2027, 12, 31)))
        self.assertEqual(nxt.state, "approved")

    def test_drafts_may_overlap(self):
        self._lease()
        self.assertEqual(self._lease(tenant=self.other_tenant).state, "draft")

    def test_database_refuses_an_overlap_the_python_check_did_not_see(self):
        first = self._approved(self._lease(start=date(2026, 1, 1), end=date(2026, 12, 31)))
        second = self._lease(start=date(2026, 6, 1), end=date(2027, 5, 31))
        # The database constraint sees the first lease's unit line as holding the unit.
        self.env.flush_all()
        self.assertEqual(first.line_ids.state, "approved")
        with (
            mute_logger("odoo.sql_db"),
            self.assertRaises(psycopg2.errors.ExclusionViolation),
            self.env.cr.savepoint(),
        ):
            # Below the ORM: as a concurrent transaction would have done.
            self.env.cr.execute(
                "UPDATE mall_lease_line SET state = 'approved' WHERE lease_id = %s", [second.id]
            )


@tagged("post_install", "-at_install")
class TestLeaseOverlapConcurrency(TransactionCase):
    """Two clerks confirm leases on the same unit at the same moment, in two transactions:
    only one may succeed. Needs committed data, cleaned up afterwards."""

    def _env(self, cr):
        return api.Environment(cr, SUPERUSER_ID, {"mall_lease_no_signature": True})

    def test_concurrent_approvals_cannot_both_succeed(self):
        registry = self.registry
        with registry.cursor() as cr:
            env = self._env(cr)
            mall = env["mall.mall"].create({"name": "并发广场", "code": "CONC"})
            floor = env["mall.floor"].create({"name": "1F", "level": 1, "mall_id": mall.id})
            unit = env["mall.unit"].create(
                {
                    "code": "C-1",
                    "mall_id": mall.id,
                    "floor_id": floor.id,
                    "gross_area": 100,
                    "leasable_area": 90,
                    "usable_area": 85,
                    "shared_area": 10,
                }
            )
            tenant = env["res.partner"].create({"name": "并发租户", "is_company": True})
            leases = env["mall.lease"].create(
                [
                    {
                        "mall_id": mall.id,
                        "tenant_id": tenant.id,
                        "template_id": env.ref("mall_contract.lease_template_standard").id,
                        "date_start": date(2026, 1, 1),
                        "date_end": date(2026, 12, 31),
                        "line_ids": [(0, 0, {"unit_id": unit.id, "price": 100.0})],
                    }
                    for _i in range(2)
                ]
            )
            leases.action_submit()
            ids = {
                "mall": mall.id,
                "floor": floor.id,
                "unit": unit.id,
                "tenant": tenant.id,
                "leases": leases.ids,
            }
        try:
            outcomes = []
            with registry.cursor() as cr1, registry.cursor() as cr2:
                env1, env2 = self._env(cr1), self._env(cr2)
                # Both transactions read the leases first: each Python check sees no rival.
                lease1 = env1["mall.lease"].browse(ids["leases"][0])
                lease2 = env2["mall.lease"].browse(ids["leases"][1])
                self.assertEqual((lease1.state, lease2.state), ("submitted", "submitted"))
                lease1.action_approve()
                env1.flush_all()
                cr1.commit()
                outcomes.append("first")
                try:
                    with mute_logger("odoo.sql_db"):
                        lease2.action_approve()
                        env2.flush_all()
                        cr2.commit()
                    outcomes.append("second")
                except (psycopg2.Error, ValidationError):
                    cr2.rollback()
            self.assertEqual(outcomes, ["first"])
        finally:
            with registry.cursor() as cr:
                env = self._env(cr)
                cr.execute("DELETE FROM mall_lease WHERE id IN %s", [tuple(ids["leases"])])
                env["mall.unit"].browse(ids["unit"]).unlink()
                env["mall.floor"].browse(ids["floor"]).unlink()
                env["mall.mall"].browse(ids["mall"]).unlink()
                env["res.partner"].browse(ids["tenant"]).unlink()
