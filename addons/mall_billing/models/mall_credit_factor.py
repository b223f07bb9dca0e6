from dateutil.relativedelta import relativedelta

from odoo import _, fields, models
from odoo.tools import SQL

# Payment behaviour counts over the last twelve months; arrears of three months of billing or
# more score nothing.
LOOKBACK_MONTHS = 12
ARREARS_ZERO_MONTHS = 3.0


class MallCreditFactor(models.Model):
    _inherit = "mall.credit.factor"

    code = fields.Selection(
        selection_add=[("on_time_payment", "On-time Payment"), ("arrears", "Current Arrears")],
        ondelete={"on_time_payment": "cascade", "arrears": "cascade"},
    )

    def _compute_factor_on_time_payment(self, partners):
        """The share of the tenant's bills due in the last twelve months that were paid in full
        by their due date; 100 when no bill has fallen due yet."""
        today = fields.Date.context_today(self)
        since = today - relativedelta(months=LOOKBACK_MONTHS)
        self.env["account.move"].flush_model()
        self.env["account.move.line"].flush_model()
        self.env["account.partial.reconcile"].flush_model()
        self.env.cr.execute(
            SQL(
                """
            SELECT am.commercial_partner_id,
                   COUNT(*),
                   COUNT(*) FILTER (WHERE am.payment_state IN ('paid', 'in_payment')
                                      AND paid.last_date <= am.invoice_date_due)
              FROM account_move am
              LEFT JOIN LATERAL (
                  SELECT MAX(apr.max_date) AS last_date
                    FROM account_partial_reconcile apr
                    JOIN account_move_line aml ON aml.id = apr.debit_move_id
                   WHERE aml.move_id = am.id
              ) paid ON TRUE
             WHERE am.commercial_partner_id = ANY(%(partners)s)
               AND am.mall_lease_id IS NOT NULL
               AND am.move_type = 'out_invoice' AND am.state = 'posted'
               AND am.invoice_date_due >= %(since)s AND am.invoice_date_due < %(today)s
             GROUP BY am.commercial_partner_id
        """,
                partners=partners.ids,
                since=since,
                today=today,
            )
        )
        counts = {partner_id: (due, on_time) for partner_id, due, on_time in self.env.cr.fetchall()}
        result = {}
        for partner in partners:
            due, on_time = counts.get(partner.id, (0, 0))
            if not due:
                result[partner.id] = (
                    100.0,
                    _("No bill fell due in the last %(months)s months.", months=LOOKBACK_MONTHS),
                )
                continue
            result[partner.id] = (
                100.0 * on_time / due,
                _(
                    "%(on_time)s of %(due)s bills paid on time in the last %(months)s months.",
                    on_time=on_time,
                    due=due,
                    months=LOOKBACK_MONTHS,
                ),
            )
        return result

    def _compute_factor_arrears(self, partners):
        """What the tenant owes past due today, against an average month of its billing:
        nothing overdue scores 100, three months of billing or more overdue 0."""
        today = fields.Date.context_today(self)
        since = today - relativedelta(months=LOOKBACK_MONTHS)
        overdue = dict(
            self.env["account.move.line"]
            .sudo()
            ._read_group(
                [
                    ("partner_id", "in", partners.ids),
                    ("parent_state", "=", "posted"),
                    ("move_id.mall_lease_id", "!=", False),
                    ("account_id.account_type", "=", "asset_receivable"),
                    ("reconciled", "=", False),
                    ("date_maturity", "<", today),
                ],
                ["partner_id"],
                ["amount_residual:sum"],
            )
        )
        billed = dict(
            self.env["account.move"]
            .sudo()
            ._read_group(
                [
                    ("commercial_partner_id", "in", partners.ids),
                    ("state", "=", "posted"),
                    ("mall_lease_id", "!=", False),
                    ("move_type", "=", "out_invoice"),
                    ("invoice_date", ">=", since),
                ],
                ["commercial_partner_id"],
                ["amount_total_signed:sum"],
            )
        )
        currency = self.env.company.currency_id
        result = {}
        for partner in partners:
            amount = max(overdue.get(partner, 0.0), 0.0)
            monthly = billed.get(partner, 0.0) / LOOKBACK_MONTHS
            if currency.is_zero(amount):
                result[partner.id] = (100.0, _("Nothing overdue."))
                continue
            months = amount / monthly if monthly > 0 else ARREARS_ZERO_MONTHS
            value = max(100.0 * (1 - months / ARREARS_ZERO_MONTHS), 0.0)
            result[partner.id] = (
                value,
                _(
                    "%(amount)s overdue, %(months)s months of billing.",
                    amount=currency.format(amount),
                    months=round(months, 1),
                ),
            )
        return result
