from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Command


class MallCreditScore(models.Model):
    """A tenant's credit score at one moment, with its explanation: one line per factor with
    the value, the weight and the contribution. Scores are never rewritten; the history is
    the list of them."""

    _name = "mall.credit.score"
    _description = "Credit Score"
    _order = "date desc, id desc"

    partner_id = fields.Many2one(
        "res.partner", string="Tenant", required=True, index=True, ondelete="cascade", readonly=True
    )
    date = fields.Datetime(required=True, default=fields.Datetime.now, readonly=True)
    score = fields.Float(readonly=True, aggregator="avg")
    grade_id = fields.Many2one("mall.credit.grade", index=True, ondelete="restrict", readonly=True)
    trigger = fields.Selection(
        [("scheduled", "Nightly Run"), ("manual", "On Demand")], default="manual", readonly=True
    )
    line_ids = fields.One2many(
        "mall.credit.score.line", "score_id", string="Explanation", readonly=True
    )
    # Stored, never empty: a shared tenant (no company of its own) is scored for the company
    # whose run scored it, and only that company's people see the score.
    company_id = fields.Many2one(
        "res.company",
        compute="_compute_company_id",
        store=True,
        index=True,
        readonly=True,
        precompute=True,
    )

    @api.depends("partner_id")
    def _compute_company_id(self):
        for record in self:
            record.company_id = record.partner_id.company_id or self.env.company

    @api.depends("partner_id", "grade_id", "score")
    def _compute_display_name(self):
        for record in self:
            record.display_name = _(
                "%(tenant)s: %(grade)s (%(score)s)",
                tenant=record.partner_id.display_name,
                grade=record.grade_id.name or "-",
                score=round(record.score, 1),
            )

    @api.model
    def _score_partners(self, partners, trigger="manual", only_changed=False):
        """Score ``partners`` with the active factors and grades; returns the new scores.

        With ``only_changed`` a tenant whose explanation is the same as its latest score's
        keeps that score: the nightly run records changes, not repetitions."""
        factors = self.env["mall.credit.factor"].search([("weight", ">", 0)])
        if not factors:
            raise UserError(_("Define at least one credit factor with a weight first."))
        if not partners:
            return self.browse()
        total = sum(factors.mapped("weight"))
        values = factors._compute_values(partners)
        grades = self.env["mall.credit.grade"].search([], limit=100)
        vals_list = []
        for partner in partners:
            lines, score = [], 0.0
            for factor in factors:
                value, note = values[factor].get(partner.id, (0.0, ""))
                contribution = value * factor.weight / total
                score += contribution
                lines.append(
                    {
                        "factor_id": factor.id,
                        "code": factor.code,
                        "name": factor.name,
                        "value": value,
                        "weight": factor.weight,
                        "contribution": contribution,
                        "note": note,
                    }
                )
            grade = grades._grade_for(score)
            if only_changed and partner.mall_credit_score_id._same_as(grade, lines):
                continue
            vals_list.append(
                {
                    "partner_id": partner.id,
                    "score": score,
                    "grade_id": grade.id,
                    "trigger": trigger,
                    "line_ids": [Command.create(line) for line in lines],
                }
            )
        return self.sudo().create(vals_list).sudo(False)

    def _same_as(self, grade, lines):
        if not self or self.grade_id != grade:
            return False

        def key(code, value, weight):
            return code, round(value, 4), round(weight, 4)

        return sorted(key(line.code, line.value, line.weight) for line in self.line_ids) == sorted(
            key(line["code"], line["value"], line["weight"]) for line in lines
        )

    @api.model
    def _cron_score_tenants(self):
        """Nightly: score the prospects and active tenants."""
        partners = self.env["res.partner"].search(
            [("is_company", "=", True), ("mall_tenant_stage", "in", ("prospect", "active"))]
        )
        return self._score_partners(partners, trigger="scheduled", only_changed=True)
