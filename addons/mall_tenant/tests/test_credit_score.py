from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import TenantCase


@tagged("post_install", "-at_install")
class TestCreditScore(TenantCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Score = cls.env["mall.credit.score"]
        cls.good = cls._complete_tenant("上海优品商贸有限公司", mall_tenant_since="2015-03-01")
        cls.bare = cls._tenant("北京新来商贸有限公司", mall_tenant_stage="prospect")
        # the figures below are this addon's factors alone: the ones other addons add
        # (breaches, arrears ...) are set aside
        factors = cls.env["mall.credit.factor"].search([])
        cls.factors = factors.filtered(lambda f: f.code in ("licence", "tenure", "profile"))
        (factors - cls.factors).active = False

    def test_default_setup_grades_a_complete_old_tenant_a_and_a_bare_prospect_d(self):
        self.good.action_mall_compute_credit()
        self.bare.action_mall_compute_credit()
        self.assertEqual(self.good.mall_credit_grade_id.name, "A")
        self.assertAlmostEqual(self.good.mall_credit_score, 100.0)
        self.assertEqual(self.bare.mall_credit_grade_id.name, "D")

    def test_score_is_reproducible_from_its_explanation(self):
        score = self.Score._score_partners(self.good | self.bare)
        for record in score:
            lines = record.line_ids
            self.assertEqual(set(lines.mapped("code")), set(self.factors.mapped("code")))
            total_weight = sum(lines.mapped("weight"))
            for line in lines:
                self.assertAlmostEqual(line.contribution, line.value * line.weight / total_weight)
                self.assertTrue(line.note, "each factor explains its value")
            self.assertAlmostEqual(record.score, sum(lines.mapped("contribution")))
            grades = self.env["mall.credit.grade"].search([("min_score", "<=", record.score)])
            self.assertEqual(record.grade_id, grades.sorted("min_score")[-1])

    def test_changing_a_weight_changes_grades_on_the_next_run(self):
        # 3 years as a tenant, complete profile, valid licence: tenure scores 60
        tenant = self._complete_tenant("杭州青木餐饮管理有限公司")
        tenant.mall_tenant_since = tenant.mall_tenant_since.replace(
            year=tenant.mall_tenant_since.year - 3
        )
        tenant.action_mall_compute_credit()
        self.assertEqual(tenant.mall_credit_grade_id.name, "A")  # (30*100+30*60+40*100)/100=88
        self.env.ref("mall_tenant.credit_factor_tenure").weight = 90
        tenant.action_mall_compute_credit()
        self.assertEqual(tenant.mall_credit_grade_id.name, "B")  # (3000+5400+4000)/160=77.5
        self.assertEqual(len(tenant.mall_credit_score_ids), 2, "the first score stays in history")
        self.assertEqual(tenant.mall_credit_score_ids.sorted("id")[0].grade_id.name, "A")

    def test_changing_a_threshold_changes_grades_on_the_next_run(self):
        self.bare.action_mall_compute_credit()  # only its code is known: 40 x 12.5 % = 5 points
        self.assertAlmostEqual(self.bare.mall_credit_score, 5.0)
        self.assertEqual(self.bare.mall_credit_grade_id.name, "D")
        self.env.ref("mall_tenant.credit_grade_c").min_score = 4
        self.bare.action_mall_compute_credit()
        self.assertEqual(self.bare.mall_credit_grade_id.name, "C")

    def test_nightly_run_records_changes_not_repetitions(self):
        self.Score._cron_score_tenants()
        first = self.good.mall_credit_score_id
        self.assertEqual(first.trigger, "scheduled")
        self.Score._cron_score_tenants()
        self.assertEqual(self.good.mall_credit_score_id, first)
        self.good.mall_legal_representative = False
        self.Score._cron_score_tenants()
        self.assertNotEqual(self.good.mall_credit_score_id, first)

    def test_another_addon_can_add_a_factor(self):
        """What billing does for payment punctuality, done here with a test-only factor."""
        factor_model = type(self.env["mall.credit.factor"])
        field = factor_model._fields["code"]
        # what selection_add does when the registry loads the other addon
        self.patch(field, "selection", [*field.selection, ("test_punctuality", "Punctuality")])
        self.patch(field, "_selection", {**field._selection, "test_punctuality": "Punctuality"})

        def _compute_factor_test_punctuality(self, partners):
            return {p.id: (0.0 if p == bare else 100.0, "test") for p in partners}

        bare = self.bare
        factor_model._compute_factor_test_punctuality = _compute_factor_test_punctuality
        self.addCleanup(delattr, factor_model, "_compute_factor_test_punctuality")
        self.env["mall.credit.factor"].create(
            {"name": "Punctuality", "code": "test_punctuality", "weight": 100}
        )
        score = self.Score._score_partners(self.good)
        line = score.line_ids.filtered(lambda ln: ln.code == "test_punctuality")
        self.assertEqual(line.value, 100.0)
        self.assertAlmostEqual(line.contribution, 50.0)  # weight 100 of 200
        self.assertAlmostEqual(score.score, 100.0)
        bare_score = self.Score._score_partners(self.bare)
        self.assertEqual(
            bare_score.line_ids.filtered(lambda ln: ln.code == "test_punctuality").value, 0.0
        )

    def test_policy_follows_the_grade(self):
        self.bare.action_mall_compute_credit()
        policy = self.bare._mall_credit_policy()
        self.assertEqual(policy["grade"], "D")
        self.assertTrue(policy["closer_supervision"])
        self.assertEqual(policy["deposit_multiplier"], 2.0)
        self.assertEqual(policy["renewal_priority"], "low")
        contact = self.env["res.partner"].create({"name": "赵敏", "parent_id": self.bare.id})
        self.assertEqual(contact._mall_credit_policy(), policy, "a contact answers for its company")

    def test_a_tenant_never_scored_gets_the_neutral_policy(self):
        policy = self.bare._mall_credit_policy()
        self.assertFalse(policy["grade"])
        self.assertEqual(policy["discount_ceiling"], 0.0)
        self.assertEqual(policy["deposit_multiplier"], 1.0)
        self.assertFalse(policy["closer_supervision"])

    def test_scoring_without_factors_is_refused(self):
        self.factors.write({"active": False})
        with self.assertRaisesRegex(UserError, "请先定义至少一个有权重的信用评分因素"):
            self.good.action_mall_compute_credit()
