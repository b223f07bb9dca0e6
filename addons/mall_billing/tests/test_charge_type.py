from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import BillingCase


@tagged("post_install", "-at_install")
class TestChargeType(BillingCase):
    def test_the_usual_charges_exist_with_products_cycles_and_tax_rates(self):
        rent = self.env.ref("mall_billing.charge_type_rent")
        self.assertEqual(rent.product_id.type, "service")
        self.assertEqual((rent.billing_cycle, rent.billing_timing), ("monthly", "advance"))
        self.assertEqual(rent.tax_rate, 9.0)
        self.assertEqual(len(rent.tax_classification_code), 19)
        self.assertEqual(rent.tax_classification_name, "*不动产经营租赁服务*")
        prop = self.env.ref("mall_billing.charge_type_property")
        self.assertEqual((prop.billing_cycle, prop.tax_rate), ("quarterly", 6.0))
        water = self.env.ref("mall_billing.charge_type_water")
        self.assertEqual((water.billing_cycle, water.meter_kind), ("metered", "water"))
        codes = set(self.env["mall.charge.type"].search([]).mapped("code"))
        for code in (
            "RENT",
            "PROPERTY",
            "MARKETING",
            "WATER",
            "ELECTRICITY",
            "GAS",
            "AIRCON",
            "PARKING",
            "DEPOSIT_LEASE",
            "DEPOSIT_RENOVATION",
            "DEPOSIT_QUALITY",
            "LATE_FEE",
            "OTHER",
        ):
            self.assertIn(code, codes)

    def test_sale_tax_is_found_by_rate_and_never_on_deposits(self):
        rent = self.env.ref("mall_billing.charge_type_rent")
        tax = rent._get_sale_tax()
        if tax:  # the chart of the test database has a 9 % sale tax
            self.assertEqual((tax.amount, tax.type_tax_use), (9.0, "sale"))
        deposit = self.env.ref("mall_billing.charge_type_deposit_lease")
        self.assertFalse(deposit._get_sale_tax())
        # no tax of that rate: no tax, no error
        odd = rent.copy({"code": "ODD", "tax_rate": 7.77})
        self.assertFalse(odd._get_sale_tax())

    def test_deposits_are_held_on_a_liability_account(self):
        deposit = self.env.ref("mall_billing.charge_type_deposit_lease")
        self.assertTrue(deposit.is_deposit)
        account = deposit._get_deposit_account()
        if account:
            self.assertIn("liability", account.account_type)
        self.assertFalse(self.env.ref("mall_billing.charge_type_rent")._get_deposit_account())

    def test_rounding_is_half_up_to_the_fen(self):
        rent = self.env.ref("mall_billing.charge_type_rent")
        self.assertEqual(rent._round(2.675), 2.68)
        self.assertEqual(rent._round(1.005), 1.01)
        self.assertEqual(rent._round(-0.004), -0.0)

    def test_tax_classification_code_must_be_19_digits(self):
        rent = self.env.ref("mall_billing.charge_type_rent")
        with self.assertRaisesRegex(ValidationError, "19"):
            rent.tax_classification_code = "30405"

    def test_metered_charge_needs_a_meter_kind_and_deposits_are_one_off(self):
        rent = self.env.ref("mall_billing.charge_type_rent")
        with self.assertRaises(ValidationError):
            rent.copy({"code": "M1", "billing_cycle": "metered"})
        with self.assertRaises(ValidationError):
            rent.copy({"code": "D1", "is_deposit": True})

    @mute_logger("odoo.sql_db")
    def test_code_is_unique(self):
        rent = self.env.ref("mall_billing.charge_type_rent")
        with self.assertRaises(IntegrityError), self.env.cr.savepoint():
            rent.copy({"code": "RENT"})

    def test_only_finance_managers_change_charge_types(self):
        rent = self.env.ref("mall_billing.charge_type_rent")
        user = self._make_user("bil_fin_user", ["mall_leasing.group_finance_user"])
        self.assertEqual(rent.with_user(user).name, rent.name)
        with self.assertRaises(AccessError):
            rent.with_user(user).write({"late_fee_grace_days": 1})
        manager = self._make_user("bil_fin_mgr", ["mall_leasing.group_finance_manager"])
        rent.with_user(manager).write({"late_fee_grace_days": 3})
        self.assertEqual(rent.late_fee_grace_days, 3)

    def test_lease_terms_are_the_rent_the_lease_fee_types_and_the_lease_deposits(self):
        terms = [
            key for key, _label in self.env["mall.charge.type"]._fields["lease_term"].selection
        ]
        fee_types = [
            key for key, _label in self.env["mall.lease.fee"]._fields["fee_type"].selection
        ]
        deposits = [term for term in terms if term not in ("rent", *fee_types)]
        self.assertEqual(terms[: len(fee_types) + 1], ["rent", *fee_types])
        self.assertEqual(deposits, ["deposit_lease", "deposit_renovation", "deposit_quality"])
        for field in deposits:
            self.assertEqual(self.env["mall.lease"]._fields[field].type, "monetary")
        # every term is billed by a shipped charge type
        self.assertEqual(set(self.env["mall.charge.type"]._by_lease_term()), set(terms))
