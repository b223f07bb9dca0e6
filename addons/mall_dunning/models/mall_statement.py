from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.addons.mall_leasing.lib.rmb import amount_in_words
from odoo.exceptions import UserError


class MallStatement(models.Model):
    """A tenant's monthly statement of account (对账单): what was owed at the start of the
    month, what was billed and paid in it, what is owed at its end, per charge.

    The figures are those of the tenant's receivable account in Accounting (posted entries
    only), so the statement always agrees with the books."""

    _name = "mall.statement"
    _description = "Tenant Statement"
    _inherit = ["mail.thread", "portal.mixin"]
    _order = "date_from desc, partner_id"

    name = fields.Char(compute="_compute_name", store=True)
    partner_id = fields.Many2one(
        "res.partner",
        string="Tenant",
        required=True,
        index=True,
        ondelete="restrict",
        domain="[('is_company', '=', True)]",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    date_from = fields.Date(string="From", required=True)
    date_to = fields.Date(string="To", required=True)
    opening_balance = fields.Monetary(readonly=True)
    invoiced_amount = fields.Monetary(string="Billed", readonly=True)
    paid_amount = fields.Monetary(string="Paid and Credited", readonly=True)
    closing_balance = fields.Monetary(readonly=True)
    line_ids = fields.One2many(
        "mall.statement.line", "statement_id", string="Entries", readonly=True
    )
    sent = fields.Boolean(readonly=True, copy=False)

    _period_unique = models.UniqueIndex(
        "(partner_id, company_id, date_from)", "This tenant already has a statement for this month."
    )
    _period_order = models.Constraint(
        "CHECK(date_to >= date_from)", "A statement cannot end before it starts."
    )

    @api.depends("partner_id", "date_from")
    def _compute_name(self):
        for statement in self:
            statement.name = _(
                "Statement %(tenant)s %(month)s",
                tenant=statement.partner_id.name or "",
                month=statement.date_from and statement.date_from.strftime("%Y-%m") or "",
            )

    def _compute_access_url(self):
        res = super()._compute_access_url()
        for statement in self:
            statement.access_url = f"/my/statements/{statement.id}"
        return res

    # ------------------------------------------------------------------ figures
    def _receivable_lines_domain(self):
        self.ensure_one()
        return [
            ("partner_id", "child_of", self.partner_id.id),
            ("company_id", "=", self.company_id.id),
            ("account_id.account_type", "=", "asset_receivable"),
            ("parent_state", "=", "posted"),
        ]

    def action_compute(self):
        """(Re)compute the figures and entries from the receivable account."""
        Line = self.env["account.move.line"]
        for statement in self:
            base = statement._receivable_lines_domain()
            [[opening]] = Line._read_group(
                base + [("date", "<", statement.date_from)], aggregates=["balance:sum"]
            )
            lines = Line.search(
                base + [("date", ">=", statement.date_from), ("date", "<=", statement.date_to)],
                order="date, move_id, id",
            )
            balance = opening or 0.0
            vals = []
            for line in lines:
                balance += line.balance
                vals.append(
                    (
                        0,
                        0,
                        {
                            "date": line.date,
                            "move_id": line.move_id.id,
                            "name": line.move_id.ref or line.move_id.name or line.name,
                            "debit": line.debit,
                            "credit": line.credit,
                            "balance": balance,
                        },
                    )
                )
            statement.write(
                {
                    "line_ids": [(5, 0, 0), *vals],
                    "opening_balance": opening or 0.0,
                    "invoiced_amount": sum(lines.mapped("debit")),
                    "paid_amount": sum(lines.mapped("credit")),
                    "closing_balance": balance,
                }
            )
        return True

    def _charge_summary(self):
        """[(charge name, amount billed in the month)] from the invoice lines of the month."""
        self.ensure_one()
        groups = self.env["account.move.line"]._read_group(
            [
                ("move_id.partner_id", "child_of", self.partner_id.id),
                ("company_id", "=", self.company_id.id),
                ("parent_state", "=", "posted"),
                ("move_id.move_type", "in", ("out_invoice", "out_refund")),
                ("display_type", "=", "product"),
                ("date", ">=", self.date_from),
                ("date", "<=", self.date_to),
            ],
            groupby=["product_id"],
            aggregates=["price_total:sum", "balance:sum"],
        )
        charges = (
            self.env["mall.charge.type"]
            .with_context(active_test=False)
            .search([("product_id", "in", [product.id for product, _t, _b in groups])])
        )
        names = {charge.product_id: charge.name for charge in charges}
        # a refund line has a positive balance on the income side: sign by the balance
        return [
            (names.get(product) or product.display_name, total if balance <= 0 else -total)
            for product, total, balance in groups
        ]

    def _amount_upper(self, amount):
        return amount_in_words(self.env, amount)

    # ------------------------------------------------------------------ generation
    @api.model
    def _generate(self, date_from, partners=None, company=None):
        """Create (or refresh) the statements of ``date_from``'s month for the tenants with
        mall leases (or ``partners``)."""
        company = company or self.env.company
        date_from = fields.Date.to_date(date_from).replace(day=1)
        date_to = date_from + relativedelta(months=1, days=-1)
        if partners is None:
            leases = self.env["mall.lease"].search(
                [
                    ("company_id", "=", company.id),
                    ("state", "not in", ("draft", "submitted")),
                    ("date_start", "<=", date_to),
                ]
            )
            partners = leases.tenant_id
        existing = self.search(
            [
                ("partner_id", "in", partners.ids),
                ("company_id", "=", company.id),
                ("date_from", "=", date_from),
            ]
        )
        new_partners = partners - existing.partner_id
        statements = existing | self.create(
            [
                {
                    "partner_id": partner.id,
                    "company_id": company.id,
                    "date_from": date_from,
                    "date_to": date_to,
                }
                for partner in new_partners
            ]
        )
        statements.action_compute()
        return statements

    def action_send(self):
        """Email the statements with their PDF."""
        template = self.env.ref("mall_dunning.mail_template_statement")
        for statement in self:
            statement.message_post_with_source(
                template, message_type="comment", subtype_xmlid="mail.mt_comment"
            )
        self.sent = True

    @api.model
    def _cron_monthly_statements(self):
        """On the 1st: last month's statements, emailed, for companies that want them."""
        first = fields.Date.context_today(self).replace(day=1) - relativedelta(months=1)
        for company in self.env["res.company"].search([("mall_statement_auto", "=", True)]):
            statements = self.with_company(company)._generate(first, company=company)
            statements.filtered(lambda s: not s.sent).action_send()

    def _get_report_base_filename(self):
        """The name of the statement's PDF (portal download, email attachment)."""
        self.ensure_one()
        return self.name

    @api.ondelete(at_uninstall=False)
    def _unlink_except_sent(self):
        if self.filtered("sent"):
            raise UserError(_("A statement sent to the tenant cannot be deleted."))
