from odoo import api, fields, models


class MallCreditGrade(models.Model):
    """A credit grade (A, B, C, D) reached from a minimum score, with the policy it earns."""

    _name = "mall.credit.grade"
    _description = "Credit Grade"
    _order = "min_score desc, id"

    name = fields.Char(string="Grade", required=True)
    min_score = fields.Float(
        string="Minimum Score",
        required=True,
        help="A tenant gets the highest grade whose minimum its score reaches.",
    )
    color = fields.Integer()
    description = fields.Text(translate=True)
    renewal_priority = fields.Selection(
        [("high", "High"), ("normal", "Normal"), ("low", "Low")],
        required=True,
        default="normal",
        help="Who is offered renewal first when several tenants want the same unit.",
    )
    discount_ceiling = fields.Float(
        string="Discount Ceiling (%)",
        help="The largest rent discount leasing may grant without escalation.",
    )
    deposit_multiplier = fields.Float(
        default=1.0, help="Deposits are the contract's standard deposit times this factor."
    )
    closer_supervision = fields.Boolean(
        help="Follow the tenant more closely: shorter payment reminders, more site visits."
    )
    active = fields.Boolean(default=True)

    _name_unique = models.Constraint("UNIQUE(name)", "Each credit grade can be defined once.")
    _min_score_range = models.Constraint(
        "CHECK (min_score >= 0 AND min_score <= 100)",
        "A grade's minimum score lies between 0 and 100.",
    )
    _policy_range = models.Constraint(
        "CHECK (discount_ceiling >= 0 AND discount_ceiling <= 100 AND deposit_multiplier >= 0)",
        "A discount ceiling lies between 0 and 100 % and a deposit multiplier cannot be negative.",
    )

    def _grade_for(self, score):
        """Among ``self`` (the grades in force), the one a score earns; empty if none."""
        for grade in self.sorted("min_score", reverse=True):
            if score >= grade.min_score:
                return grade
        return self.browse()

    @api.model
    def _mall_policy_values(self, score):
        """The policy dict of ``partner._mall_credit_policy()`` for a ``mall.credit.score``
        (possibly empty). Addons adding policy fields extend this method."""
        grade = score.grade_id
        if not grade:
            return {
                "grade": False,
                "score": False,
                "renewal_priority": "normal",
                "discount_ceiling": 0.0,
                "deposit_multiplier": 1.0,
                "closer_supervision": False,
            }
        return {
            "grade": grade.name,
            "score": score.score,
            "renewal_priority": grade.renewal_priority,
            "discount_ceiling": grade.discount_ceiling,
            "deposit_multiplier": grade.deposit_multiplier,
            "closer_supervision": grade.closer_supervision,
        }
