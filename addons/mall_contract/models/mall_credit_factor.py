from dateutil.relativedelta import relativedelta

from odoo import _, fields, models

# How far back contract behaviour counts, and what each event costs (points out of 100).
LOOKBACK_YEARS = 3
BREACH_COST = 25.0
EARLY_EXIT_COST = 50.0


class MallCreditFactor(models.Model):
    _inherit = "mall.credit.factor"

    code = fields.Selection(
        selection_add=[("breaches", "Contract Breaches"), ("early_exits", "Early Exits")],
        ondelete={"breaches": "cascade", "early_exits": "cascade"})

    def _compute_factor_breaches(self, partners):
        """100 without breach in the last three years, 25 points less per breach."""
        since = fields.Date.context_today(self) - relativedelta(years=LOOKBACK_YEARS)
        counts = dict(self.env["mall.lease.breach"].sudo()._read_group(
            [("tenant_id", "in", partners.ids), ("date", ">=", since)],
            ["tenant_id"], ["__count"]))
        result = {}
        for partner in partners:
            count = counts.get(partner, 0)
            result[partner.id] = (max(100.0 - BREACH_COST * count, 0.0),
                                  _("%(count)s breaches in %(years)s years.", count=count,
                                    years=LOOKBACK_YEARS))
        return result

    def _compute_factor_early_exits(self, partners):
        """100 without early exit in the last three years, 50 points less per early exit."""
        since = fields.Date.context_today(self) - relativedelta(years=LOOKBACK_YEARS)
        counts = dict(self.env["mall.lease"].sudo()._read_group(
            [("tenant_id", "in", partners.ids), ("state", "=", "terminated"),
             ("early_exit", "=", True), ("termination_date", ">=", since)],
            ["tenant_id"], ["__count"]))
        result = {}
        for partner in partners:
            count = counts.get(partner, 0)
            result[partner.id] = (max(100.0 - EARLY_EXIT_COST * count, 0.0),
                                  _("%(count)s early exits in %(years)s years.", count=count,
                                    years=LOOKBACK_YEARS))
        return result
