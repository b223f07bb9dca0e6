from dateutil.relativedelta import relativedelta

from odoo import fields, models

# How far back contract behaviour counts, and what each event costs (points out of 100).
LOOKBACK_YEARS = 3
BREACH_COST = 25.0
EARLY_EXIT_COST = 50.0


class MallCreditFactor(models.Model):
    _inherit = "mall.credit.factor"

    code = fields.Selection(
        selection_add=[("breaches", "Contract Breaches"), ("early_exits", "Early Exits")],
        ondelete={"breaches": "cascade", "early_exits": "cascade"},
    )

    def _contract_factor_scores(self, partners, counts, cost, note):
        """{partner id: (score, note)}: 100 without event in the lookback years, ``cost``
        points less per event (``counts``: {partner: number of events}), never below 0;
        ``note(count)`` explains the score."""
        return {
            partner.id: (
                max(100.0 - cost * counts.get(partner, 0), 0.0),
                note(counts.get(partner, 0)),
            )
            for partner in partners
        }

    def _contract_factor_since(self):
        return fields.Date.context_today(self) - relativedelta(years=LOOKBACK_YEARS)

    def _compute_factor_breaches(self, partners):
        """100 without breach in the last three years, 25 points less per breach."""
        counts = dict(
            self.env["mall.lease.breach"]
            .sudo()
            ._read_group(
                [("tenant_id", "in", partners.ids), ("date", ">=", self._contract_factor_since())],
                ["tenant_id"],
                ["__count"],
            )
        )
        return self._contract_factor_scores(
            partners,
            counts,
            BREACH_COST,
            lambda count: self.env._(
                "%(count)s breaches in %(years)s years.", count=count, years=LOOKBACK_YEARS
            ),
        )

    def _compute_factor_early_exits(self, partners):
        """100 without early exit in the last three years, 50 points less per early exit."""
        counts = dict(
            self.env["mall.lease"]
            .sudo()
            ._read_group(
                [
                    ("tenant_id", "in", partners.ids),
                    ("state", "=", "terminated"),
                    ("early_exit", "=", True),
                    ("termination_date", ">=", self._contract_factor_since()),
                ],
                ["tenant_id"],
                ["__count"],
            )
        )
        return self._contract_factor_scores(
            partners,
            counts,
            EARLY_EXIT_COST,
            lambda count: self.env._(
                "%(count)s early exits in %(years)s years.", count=count, years=LOOKBACK_YEARS
            ),
        )
