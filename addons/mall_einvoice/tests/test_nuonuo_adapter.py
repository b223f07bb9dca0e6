import time

from odoo.addons.mall_einvoice.lib import provider
from odoo.tests import TransactionCase, tagged

from .simulator import USER_TAX, SimulatorMixin


def _order(order_no, **extra):
    order = {
        "order_no": order_no,
        "kind": "normal",
        "seller_tax_number": USER_TAX,
        "clerk": "王会计",
        "buyer": {"name": "杭州橙森商贸有限公司", "tax_number": "91330106MA2BBBBB1D"},
        "lines": [
            {
                "name": "*经营租赁*商铺租金",
                "tax_code": "3040502029902000000",
                "quantity": 1,
                "price": "10000",
                "price_include": True,
                "rate": "0.09",
                "amount": "9174.31",
                "tax": "825.69",
                "total": "10000.00",
            }
        ],
    }
    order.update(extra)
    return order


@tagged("post_install", "-at_install")
class TestNuonuoAdapter(SimulatorMixin, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.start_simulator()

    def _wait(self, adapter, order_no, state=provider.STATE_ISSUED):
        for _i in range(50):
            result = adapter.query(order_nos=[order_no])[0]
            if result["state"] == state:
                return result
            time.sleep(0.1)
        return result

    def test_issue_is_accepted_then_issued_with_a_20_digit_number(self):
        adapter = self.adapter()
        serial = adapter.issue(_order("T-ISSUE-1"))
        self.assertTrue(serial)
        result = self._wait(adapter, "T-ISSUE-1")
        self.assertEqual(result["state"], provider.STATE_ISSUED)
        self.assertEqual(len(result["number"]), 20)
        self.assertTrue(result["number"].isdigit())
        self.assertTrue(result["qr_code"].startswith("01,32,,"))
        self.assertTrue(adapter.download(result["pdf_url"]).startswith(b"%PDF"))

    def test_a_wrong_secret_is_rejected_with_a_credentials_code(self):
        with self.assertRaises(provider.ProviderError) as caught:
            self.adapter(secret="WRONG").issue(_order("T-BADSIGN"))
        self.assertTrue(caught.exception.code.startswith("0703"))

    def test_a_bad_signature_with_a_valid_token_is_rejected(self):
        adapter = self.adapter()
        adapter.fetch_token()
        adapter.app_secret = "TAMPERED"
        with self.assertRaises(provider.ProviderError) as caught:
            adapter.issue(_order("T-TAMPER"))
        self.assertEqual(caught.exception.code, "070304")

    def test_repeated_order_number_answers_duplicate_not_a_second_fapiao(self):
        adapter = self.adapter()
        adapter.issue(_order("T-DUP"))
        with self.assertRaises(provider.DuplicateOrder):
            adapter.issue(_order("T-DUP"))
        self.assertEqual(len(adapter.query(order_nos=["T-DUP"])), 1)

    def test_failure_22_is_reported_with_its_cause(self):
        adapter = self.adapter()
        self.sim_control(fail_next="22")
        adapter.issue(_order("T-FAIL22"))
        result = self._wait(adapter, "T-FAIL22", provider.STATE_FAILED)
        self.assertEqual(result["state"], provider.STATE_FAILED)
        self.assertTrue(result["fail_cause"])

    def test_signature_failure_24_is_retried_to_issued(self):
        adapter = self.adapter()
        self.sim_control(fail_next="24")
        serial = adapter.issue(_order("T-FAIL24"))
        self.assertEqual(
            self._wait(adapter, "T-FAIL24", provider.STATE_SIGN_FAILED)["state"],
            provider.STATE_SIGN_FAILED,
        )
        adapter.retry_signature(serial)
        self.assertEqual(self._wait(adapter, "T-FAIL24")["state"], provider.STATE_ISSUED)

    def test_timeout_then_retry_finds_the_accepted_order(self):
        adapter = self.adapter(timeout=0.5)
        self.sim_control(drop_next=1)
        with self.assertRaises(provider.ProviderTimeout):
            adapter.issue(_order("T-TIMEOUT"))
        with self.assertRaises(provider.DuplicateOrder):
            adapter.issue(_order("T-TIMEOUT"))
        self.assertEqual(self._wait(adapter, "T-TIMEOUT")["state"], provider.STATE_ISSUED)

    def test_rent_fapiao_with_two_lines_is_refused(self):
        order = _order(
            "T-RENT2",
            rent={
                "address_region": "浙江省杭州市西湖区",
                "address_detail": "文三路1号",
                "date_start": "2026-11-01",
                "date_end": "2026-11-30",
            },
        )
        order["lines"] = order["lines"] * 2
        with self.assertRaises(provider.ProviderError):
            self.adapter().issue(order)

    def test_red_form_without_buyer_confirmation_issues_red_directly(self):
        adapter = self.adapter()
        adapter.issue(_order("T-BLUE-1"))
        blue = self._wait(adapter, "T-BLUE-1")["number"]
        form = adapter.red_form_save({"blue_number": blue, "reason": "01"})
        self.assertEqual(form["state"], "01")
        for _i in range(50):
            red = adapter.red_form_query(form["form_id"])
            if red["red_number"]:
                break
            time.sleep(0.1)
        self.assertEqual(len(red["red_number"]), 20)

    def test_red_form_waits_for_buyer_and_voids_after_72_hours(self):
        adapter = self.adapter()
        adapter.issue(_order("T-BLUE-2"))
        blue = self._wait(adapter, "T-BLUE-2")["number"]
        self.sim_control(buyer_confirmed=[blue])
        form = adapter.red_form_save({"blue_number": blue, "reason": "04"})
        self.assertEqual(form["state"], "02")
        self.sim_control(advance_hours=73)
        self.assertEqual(adapter.red_form_query(form["form_id"])["state"], "07")
        self.sim_control(advance_hours=-73)

    def test_void_of_a_digital_fapiao_is_refused(self):
        with self.assertRaises(provider.ProviderError):
            self.adapter().void("26000000000001")
