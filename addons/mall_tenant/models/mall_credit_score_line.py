from odoo import api, fields, models


class MallCreditScoreLine(models.Model):
    """One factor of a credit score, frozen as it was computed: its value (0-100), its
    weight, and its contribution = value x weight / sum of weights."""

    _name = "mall.credit.score.line"
    _description = "Credit Score Line"
    _order = "score_id, id"

    score_id = fields.Many2one("mall.credit.score", required=True, index=True, ondelete="cascade")
    company_id = fields.Many2one(related="score_id.company_id", store=True, index=True)
    factor_id = fields.Many2one("mall.credit.factor", ondelete="set null")
    code = fields.Char(required=True)
    name = fields.Char(string="Factor", required=True)
    value = fields.Float(help="How the tenant fares on this factor, 0 (worst) to 100 (best).")
    weight = fields.Float()
    share = fields.Float(
        string="Share (%)",
        compute="_compute_share",
        help="The factor's weight as a share of all the weights of the score.",
    )
    contribution = fields.Float(help="Points this factor adds to the score.")
    note = fields.Char(string="Explanation")

    @api.depends("weight", "score_id.line_ids.weight")
    def _compute_share(self):
        for line in self:
            total = sum(line.score_id.line_ids.mapped("weight"))
            line.share = 100.0 * line.weight / total if total else 0.0
