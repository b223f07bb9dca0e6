"""What a tenant reads of its leases through the JSON-RPC API its portal session opens: only
leases past the mall's internal approval and applied amendments, never the internal fields."""

from datetime import date

from odoo.tests import HttpCase, tagged
from odoo.tests.common import JsonRpcException

from .common import MallLeaseCase


@tagged("post_install", "-at_install")
class TestLeasePortalPrivacy(MallLeaseCase, HttpCase):
    def setUp(self):
        super().setUp()
        self.draft = self._lease(units=self.unit_b, start=date(2029, 1, 1), end=date(2029, 12, 31))
        self.submitted = self._lease(
            units=self.unit_b, start=date(2030, 1, 1), end=date(2030, 12, 31)
        )
        self.submitted.with_user(self.clerk).action_submit()
        self.final = self._approved(self._lease())
        self.final.sudo().reject_reason = "内部意见：租金偏低"
        self.draft_amendment = self.env["mall.lease.amendment"].create(
            {"lease_id": self.final.id, "name": "延期草案", "description": "<p>草案</p>"}
        )
        self.applied_amendment = self.env["mall.lease.amendment"].create(
            {
                "lease_id": self.final.id,
                "name": "已生效补充协议",
                "description": "<p>生效</p>",
                "state": "applied",
                "version": 2,
            }
        )
        self.authenticate("lease_portal", "lease_portal")

    def _search_read(self, model, fields, domain=()):
        return self.make_jsonrpc_request(
            "/web/dataset/call_kw",
            {
                "model": model,
                "method": "search_read",
                "args": [list(domain)],
                "kwargs": {"fields": fields},
            },
        )

    def test_portal_user_reads_no_draft_or_submitted_lease(self):
        leases = self._search_read("mall.lease", ["name", "state"])
        self.assertEqual([lease["name"] for lease in leases], [self.final.name])
        lines = self._search_read("mall.lease.line", ["lease_id"])
        self.assertEqual({line["lease_id"][0] for line in lines}, {self.final.id})

    def test_portal_user_reads_only_applied_amendments(self):
        amendments = self._search_read("mall.lease.amendment", ["name"])
        self.assertEqual([a["name"] for a in amendments], ["已生效补充协议"])

    def test_portal_user_cannot_read_internal_lease_fields(self):
        for field in (
            "reject_reason",
            "approved_l1_by_id",
            "signature_audit",
            "tenant_signer_id",
            "discount_pct",
            "termination_notes",
        ):
            with self.subTest(field=field), self.assertRaises(JsonRpcException) as error:
                self._search_read("mall.lease", [field])
            self.assertIn("AccessError", error.exception.args[0])
        # what the tenant may know still reads
        lease = self._search_read("mall.lease", ["name", "monthly_rent", "date_end"])[0]
        self.assertEqual(lease["monthly_rent"], self.final.monthly_rent)
        # and the internal fields are not even described to the portal user
        described = self.make_jsonrpc_request(
            "/web/dataset/call_kw",
            {
                "model": "mall.lease",
                "method": "fields_get",
                "args": [],
                "kwargs": {"attributes": ["type"]},
            },
        )
        self.assertIn("monthly_rent", described)
        for field in ("reject_reason", "approved_l2_by_id", "signature_audit", "breach_ids"):
            self.assertNotIn(field, described)

    def test_portal_lease_pages_survive_odd_page_numbers_and_ids(self):
        for url in (
            "/my/leases?page=abc",
            "/my/leases/page/99999999999999999999",
            "/my/leases/page/0",
            "/my/leases/page/-3",
        ):
            with self.subTest(url=url):
                page = self.url_open(url)
                self.assertEqual(page.status_code, 200)
                self.assertIn(self.final.name, page.text)
        for url in ("/my/leases/99999999999999999999", "/my/leases/99999999999999999999/contract"):
            with self.subTest(url=url):
                page = self.url_open(url)
                self.assertEqual(page.status_code, 200)
                self.assertTrue(page.url.endswith("/my"), page.url)
        self.assertNotIn(self.draft.name, self.url_open("/my/leases").text)
