import logging
from collections import defaultdict

from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL, split_every

_logger = logging.getLogger(__name__)

# Leases billed per chunk: a chunk is created, posted and committed at once.
CHUNK_SIZE = 100
# Runs with more leases than this go to the background (the cron) instead of the request.
FOREGROUND_LEASES = 200


class MallBillingRun(models.Model):
    """A billing run (出账): the planned receivables of a month for a selection of leases
    become posted customer invoices.

    Preview lists what will be billed per lease. Posting works through the leases in chunks,
    each chunk created, posted and (in the background) committed at once, so a run stopped
    half-way resumes where it stopped. A receivable is billed only while it is planned and
    locked by the run billing it, so two runs never bill it twice."""

    _name = "mall.billing.run"
    _description = "Billing Run"
    _inherit = ["mail.thread"]
    _order = "period desc, id desc"

    name = fields.Char(compute="_compute_name", store=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    period = fields.Date(
        string="Month",
        required=True,
        tracking=True,
        default=lambda self: fields.Date.context_today(self).replace(day=1),
        help="Receivables due up to the end of this month (and not billed yet) are billed.",
    )
    invoice_date = fields.Date(help="Date of the invoices; by default the first day of the month.")
    mall_id = fields.Many2one("mall.mall", tracking=True)
    floor_id = fields.Many2one("mall.floor", tracking=True, domain="[('mall_id', '=?', mall_id)]")
    partner_id = fields.Many2one(
        "res.partner", string="Tenant", tracking=True, domain="[('is_company', '=', True)]"
    )
    automatic = fields.Boolean(readonly=True, help="Started by the scheduled action.")
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("previewed", "Previewed"),
            ("running", "Running"),
            ("done", "Done"),
        ],
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
        index=True,
    )
    line_ids = fields.One2many("mall.billing.run.line", "run_id", string="Preview", readonly=True)
    move_ids = fields.One2many("account.move", "mall_billing_run_id", string="Invoices")
    lease_count = fields.Integer(readonly=True)
    receivable_count = fields.Integer(string="Receivables to Bill", readonly=True)
    amount_total = fields.Monetary(string="Amount to Bill", readonly=True)
    leases_done = fields.Integer(string="Leases Billed", readonly=True)
    invoice_count = fields.Integer(string="Invoices Posted", readonly=True)
    amount_invoiced = fields.Monetary(readonly=True)
    progress = fields.Float(compute="_compute_progress", digits=(5, 1))
    date_started = fields.Datetime(readonly=True)
    date_done = fields.Datetime(readonly=True)

    @api.depends("period", "mall_id", "floor_id", "partner_id")
    def _compute_name(self):
        for run in self:
            parts = [
                run.period.strftime("%Y-%m") if run.period else "",
                run.mall_id.name,
                run.floor_id.name,
                run.partner_id.name,
            ]
            run.name = " ".join(p for p in parts if p)

    @api.depends("leases_done", "lease_count", "state")
    def _compute_progress(self):
        for run in self:
            if run.state == "done":
                run.progress = 100.0
            else:
                run.progress = 100.0 * run.leases_done / run.lease_count if run.lease_count else 0.0

    @api.onchange("period")
    def _onchange_period(self):
        if self.period:
            self.period = self.period.replace(day=1)

    # ------------------------------------------------------------------ selection
    def _period_end(self):
        self.ensure_one()
        return self.period.replace(day=1) + relativedelta(months=1, days=-1)

    def _lease_domain(self):
        self.ensure_one()
        domain = [("company_id", "=", self.company_id.id)]
        if self.mall_id:
            domain.append(("mall_id", "=", self.mall_id.id))
        if self.partner_id:
            domain.append(("tenant_id", "=", self.partner_id.id))
        if self.floor_id:
            domain.append(("line_ids.unit_id.floor_id", "=", self.floor_id.id))
        return domain

    def _receivable_domain(self):
        """Planned receivables due by the end of the month, of the selected leases."""
        self.ensure_one()
        domain = [
            ("state", "=", "planned"),
            ("move_id", "=", False),
            ("company_id", "=", self.company_id.id),
            ("due_date", "<=", self._period_end()),
            ("lease_id", "!=", False),
        ]
        if self.mall_id:
            domain.append(("mall_id", "=", self.mall_id.id))
        if self.partner_id:
            domain.append(("partner_id", "=", self.partner_id.id))
        if self.floor_id:
            domain.append(("lease_id.line_ids.unit_id.floor_id", "=", self.floor_id.id))
        return domain

    def _plan_receivables(self):
        """Hook called before a run lists what it bills: addons whose receivables are planned
        late (meter readings of the month) plan them here."""
        self.ensure_one()

    # ------------------------------------------------------------------ actions
    def action_preview(self):
        """List, per lease, what the run would bill now."""
        for run in self:
            if run.state not in ("draft", "previewed"):
                raise UserError(_("Only a run not started yet can be previewed."))
            run._plan_receivables()
            groups = self.env["mall.receivable"]._read_group(
                run._receivable_domain(), ["lease_id"], ["__count", "amount:sum"]
            )
            run.line_ids.unlink()
            self.env["mall.billing.run.line"].create(
                [
                    {
                        "run_id": run.id,
                        "lease_id": lease.id,
                        "receivable_count": count,
                        "amount": amount,
                    }
                    for lease, count, amount in groups
                ]
            )
            run.write(
                {
                    "state": "previewed",
                    "lease_count": len(groups),
                    "receivable_count": sum(count for _lease, count, _amount in groups),
                    "amount_total": sum(amount for _lease, _count, amount in groups),
                }
            )
        return True

    def action_post(self):
        """Bill the run: small runs at once, large ones in the background (see progress)."""
        for run in self:
            if run.state == "draft":
                run.action_preview()
            if run.state not in ("previewed", "running"):
                raise UserError(_("This run is already done."))
            run.write(
                {"state": "running", "date_started": run.date_started or fields.Datetime.now()}
            )
        big = self.filtered(lambda r: r.lease_count > FOREGROUND_LEASES)
        (self - big)._execute()
        if big:
            self.env.ref("mall_billing.ir_cron_billing_run")._trigger()
            for run in big:
                run.message_post(
                    body=_(
                        "Billing %(count)s leases in the background; this form shows the progress.",
                        count=run.lease_count,
                    )
                )
        return True

    def action_view_invoices(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "account.action_move_out_invoice_type"
        )
        action["domain"] = [("mall_billing_run_id", "=", self.id)]
        action["context"] = {"default_move_type": "out_invoice", "create": False}
        return action

    # ------------------------------------------------------------------ execution
    def _execute(self, commit=False, chunk_size=CHUNK_SIZE):
        """Bill the running runs chunk by chunk. With ``commit`` every chunk is committed on
        its own (cron, benchmark): a crash loses at most the chunk under way, and the run
        resumes from the receivables still planned. Without, each chunk is a savepoint."""
        crash_after = self.env.context.get("mall_billing_crash_after")
        if self.env.context.get("mall_billing_cache") is None:
            self = self.with_context(mall_billing_cache={})
        for run in self.filtered(lambda r: r.state == "running"):
            if not run._lock():
                continue
            lease_ids = self.env["mall.receivable"]._read_group(
                run._receivable_domain(), ["lease_id"]
            )
            lease_ids = [lease.id for (lease,) in lease_ids]
            left = len(lease_ids)
            for done, chunk in enumerate(split_every(chunk_size, lease_ids)):
                with self.env.cr.savepoint():
                    run._bill_leases(chunk)
                    if crash_after is not None and done >= crash_after:
                        raise RuntimeError("simulated crash of the billing run")
                left -= len(chunk)
                if commit and not run._commit_chunk(len(chunk), left):
                    return False  # out of time: the cron resumes the run from what is planned
            run.write({"state": "done", "date_done": fields.Datetime.now()})
            run.message_post(
                body=_(
                    "Billing done: %(invoices)s invoices posted for %(amount)s.",
                    invoices=run.invoice_count,
                    amount=run.amount_invoiced,
                )
            )
            if commit:
                self.env["ir.cron"]._commit_progress(remaining=0)
        return True

    def _commit_chunk(self, billed, left):
        """Commit a billed chunk through the cron's progress (outside a cron: a plain commit),
        so that a crash keeps the chunks billed so far and memory stays flat however many
        leases the run bills. False when the cron's time is up: the cron, told what is left,
        runs again and the run resumes from the receivables still planned."""
        time_left = self.env["ir.cron"]._commit_progress(billed, remaining=left)
        self.env.invalidate_all()
        return time_left > 0 or not left

    def _lock(self):
        """Take the run for this transaction; False when another worker holds it."""
        self.ensure_one()
        self.env.cr.execute(
            SQL("SELECT id FROM mall_billing_run WHERE id = %s FOR UPDATE SKIP LOCKED", self.id)
        )
        return bool(self.env.cr.fetchone())

    def _lock_receivables(self, lease_ids):
        """The planned receivables of these leases for this run, locked for this
        transaction; those another run holds or billed meanwhile are left out."""
        receivables = self.env["mall.receivable"].search(
            [*self._receivable_domain(), ("lease_id", "in", lease_ids)]
        )
        if not receivables:
            return receivables
        self.env["mall.receivable"].flush_model()
        self.env.cr.execute(
            SQL(
                "SELECT id FROM mall_receivable WHERE id IN %s AND state = 'planned' "
                "AND move_id IS NULL FOR UPDATE SKIP LOCKED",
                tuple(receivables.ids),
            )
        )
        locked = {row[0] for row in self.env.cr.fetchall()}
        return receivables.filtered(lambda r: r.id in locked)

    def _invoice_group(self, receivable):
        """Which invoice of its lease a receivable goes on: deposits on their own (a receipt,
        no fapiao), rent on its own when the company wants it, the rest together."""
        if receivable.charge_type_id.is_deposit:
            return "deposit"
        if receivable.category == "rent" and self.company_id.mall_billing_separate_rent:
            return "rent"
        return "other"

    def _bill_leases(self, lease_ids):
        """Create and post the invoices of one chunk of leases; link their receivables."""
        self.ensure_one()
        receivables = self._lock_receivables(lease_ids)
        if not receivables:
            self.leases_done += len(lease_ids)
            return self.env["account.move"]
        groups = defaultdict(lambda: self.env["mall.receivable"])
        for rec in receivables.sorted(lambda r: (r.lease_id.id, r.due_date, r.sequence, r.id)):
            groups[(rec.lease_id, self._invoice_group(rec), rec.due_date)] |= rec
        keys = list(groups)
        moves = self._create_invoices([(key[0], key[2], groups[key]) for key in keys])
        for key, move in zip(keys, moves, strict=True):
            groups[key].write({"move_id": move.id})
        self.write(
            {
                "leases_done": self.leases_done + len(lease_ids),
                "invoice_count": self.invoice_count + len(moves),
                "amount_invoiced": self.amount_invoiced + sum(moves.mapped("amount_total")),
            }
        )
        return moves

    # ------------------------------------------------------------------ cron
    @api.model
    def _cron_bill(self, commit=True):
        """Daily: resume the runs stopped half-way, and start each company's run of the
        month once (automatic runs bill the whole company). ``commit`` is for tests only."""
        today = fields.Date.context_today(self)
        month = today.replace(day=1)
        companies = self.env["mall.lease"]._read_group(
            [("state", "in", ("active", "expiring"))], ["company_id"]
        )
        for (company,) in companies:
            exists = self.search_count(
                [("company_id", "=", company.id), ("period", "=", month), ("automatic", "=", True)]
            )
            if not exists:
                run = self.with_company(company).create(
                    {"company_id": company.id, "period": month, "automatic": True}
                )
                run.action_preview()
                run.write({"state": "running", "date_started": fields.Datetime.now()})
                if commit:
                    self.env["ir.cron"]._commit_progress()
        for run in self.search([("state", "=", "running")], order="id"):
            run.with_company(run.company_id)._execute(commit=commit)
