import hashlib
from datetime import timedelta

from odoo import fields
from odoo.tests import HttpCase, tagged
from odoo.tools.misc import file_open


@tagged("post_install", "-at_install")
class TestLeaseTour(HttpCase):
    """The whole story in Chromium: a clerk builds a lease from a template and submits it, a
    manager approves it, the tenant signs on sign_oca's page from the portal, the landlord
    signs on the same page from the backend, the lease is active and the floor plan shows its
    unit as fitting out."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Sequence 0: the floor plan and the lease form default to the first mall.
        cls.mall = cls.env["mall.mall"].create({"name": "导览广场", "code": "TOURC", "sequence": 0})
        floor = cls.env["mall.floor"].create({"name": "1F", "level": 1, "mall_id": cls.mall.id})
        cls.unit = cls.env["mall.unit"].create(
            {
                "code": "TOUR-1",
                "mall_id": cls.mall.id,
                "floor_id": floor.id,
                "gross_area": 120.0,
                "leasable_area": 100.0,
                "usable_area": 95.0,
                "shared_area": 20.0,
                "plan_x": 0.0,
                "plan_y": 0.0,
                "plan_width": 12.0,
                "plan_height": 10.0,
            }
        )
        cls.tenant = cls.env["res.partner"].create(
            {"name": "上海星光餐饮管理有限公司", "is_company": True, "lang": "zh_CN"}
        )
        contact = cls.env["res.partner"].create(
            {"name": "王小明", "parent_id": cls.tenant.id, "email": "wang@example.com"}
        )
        cls._user("tour_clerk", ["mall_leasing.group_leasing_user"])
        cls.manager = cls._user("tour_manager", ["mall_leasing.group_leasing_manager"])
        cls._user("tour_tenant", ["base.group_portal"], partner_id=contact.id)
        cls.env.company.mall_lease_value_threshold = 100000000.0

    @classmethod
    def _user(cls, login, groups, **vals):
        if "odoobot_state" in cls.env["res.users"]._fields:
            # OdooBot's welcome chat on the first login races with the end of a tour.
            vals["odoobot_state"] = "disabled"
        return (
            cls.env["res.users"]
            .with_context(no_reset_password=True)
            .create(
                {
                    "login": login,
                    "password": login,
                    "name": login,
                    "email": f"{login}@example.com",
                    "lang": "zh_CN",
                    "group_ids": [(6, 0, [cls.env.ref(g).id for g in groups])],
                    **vals,
                }
            )
        )

    def _sign_on_sign_oca_page(self, signer, login):
        with file_open("mall_contract/static/tests/scripts/sign_oca_page.js") as script:
            code = script.read()
        self.browser_js(signer.access_url, code, login=login, timeout=120)
        signer.invalidate_recordset()
        self.assertTrue(signer.signed_on, f"{login} did not sign")

    def test_lease_from_template_to_signature_to_floor_plan(self):
        self.start_tour(
            "/odoo/action-mall_contract.action_mall_lease/new",
            "mall_contract_clerk_tour",
            login="tour_clerk",
            timeout=180,
        )
        lease = self.env["mall.lease"].search([("tenant_id", "=", self.tenant.id)])
        self.assertEqual(lease.state, "submitted")
        self.assertEqual(lease.template_id.lease_type, "standard")
        self.assertIn("租赁合同", lease.body)
        # The placeholders went through the form's editor and still fill in.
        text = lease._render_body()
        self.assertIn("承租方（乙方）：上海星光餐饮管理有限公司", text)
        self.assertNotIn("t-out", text)
        self.assertEqual(lease.line_ids.unit_id, self.unit)

        self.start_tour(
            f"/odoo/action-mall_contract.action_mall_lease/{lease.id}",
            "mall_contract_manager_tour",
            login="tour_manager",
            timeout=120,
        )
        lease.invalidate_recordset()
        self.assertEqual(lease.state, "signing")
        self.assertEqual(lease.approved_l1_by_id, self.manager)

        self.start_tour("/my/leases", "mall_contract_portal_tour", login="tour_tenant")
        self._sign_on_sign_oca_page(lease.tenant_signer_id, "tour_tenant")
        lease.invalidate_recordset()
        self.assertEqual(lease.state, "signing")

        # The backend button "Sign for the Landlord" opens this very page.
        action = lease.with_user(self.manager).action_sign_landlord()
        self.assertEqual(action["url"], lease.landlord_signer_id.access_url)
        self._sign_on_sign_oca_page(lease.landlord_signer_id, "tour_manager")
        lease.invalidate_recordset()
        self.assertEqual(lease.state, "active")
        self.assertEqual(
            lease.signed_pdf_sha256, hashlib.sha256(lease.signed_pdf_id.raw).hexdigest()
        )
        self.assertEqual(self.unit.state, "fitting_out")
        self.assertLessEqual(lease.date_handover, fields.Date.today())
        self.assertGreater(lease.date_opening, fields.Date.today() + timedelta(days=1))

        self.start_tour(
            "/odoo/action-mall_leasing.action_floor_plan",
            "mall_contract_floor_plan_tour",
            login="tour_manager",
        )
