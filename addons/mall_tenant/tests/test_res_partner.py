import psycopg2
from stdnum.cn import uscc

from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import TenantCase


@tagged("post_install", "-at_install")
class TestTenantProfile(TenantCase):
    def test_valid_uscc_is_accepted(self):
        tenant = self._tenant()
        self.assertTrue(uscc.is_valid(tenant.mall_uscc))

    def test_uscc_of_wrong_length_is_refused(self):
        with self.assertRaisesRegex(ValidationError, "不是有效的统一社会信用代码：必须为 18 位"):
            self._tenant(mall_uscc="91310115MA1H7GXX3")

    def test_uscc_with_wrong_check_digit_is_refused(self):
        good = self._tenant().mall_uscc
        wrong = good[:-1] + ("0" if good[-1] != "0" else "1")
        with self.assertRaisesRegex(ValidationError, "校验码不正确"):
            self._tenant("另一家公司", mall_uscc=wrong)

    def test_lowercase_uscc_is_refused(self):
        # valid in capitals (stdnum alone would upper-case it and say yes)
        self.assertTrue(uscc.is_valid("91310115MA1H7GXX3K"))
        with self.assertRaisesRegex(ValidationError, "大写字母"):
            self._tenant(mall_uscc="91310115ma1h7gxx3k")

    def test_duplicate_uscc_names_the_tenant_that_holds_it(self):
        first = self._tenant()
        with self.assertRaisesRegex(ValidationError, "已登记在 上海悦禾商贸有限公司 名下"):
            self._tenant("重复的公司", mall_uscc=first.mall_uscc)

    def test_duplicate_uscc_is_refused_by_the_database_too(self):
        first = self._tenant()
        second = self._tenant("另一家公司")
        # bypass the Python check: the unique index must hold for shared partners as well
        with self.assertRaises(psycopg2.errors.UniqueViolation), self.cr.savepoint():
            self.cr.execute(
                "UPDATE res_partner SET mall_uscc = %s WHERE id = %s", [first.mall_uscc, second.id]
            )

    def test_becoming_active_sets_tenant_since(self):
        tenant = self._tenant(mall_tenant_stage="prospect")
        self.assertFalse(tenant.mall_tenant_since)
        tenant.mall_tenant_stage = "active"
        self.assertTrue(tenant.mall_tenant_since)
