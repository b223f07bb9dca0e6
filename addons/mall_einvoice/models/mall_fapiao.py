from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..lib import amounts

KINDS = [("special", "Digital special VAT fapiao"), ("normal", "Digital normal fapiao")]


class MallFapiao(models.Model):
    """One fapiao request: what is sent to the provider under one order number at a time.

    The order number is the request's idempotency key: taken from a sequence when the request
    is created and committed with it before the provider is ever called (the provider is only
    called by a queued job, which runs after that commit). It is never derived from the
    invoice's id, which a rollback or a retry of the posting changes. A request sent again after
    a crash or a lost answer carries the same number: the job asks the provider for it first
    and the provider answers E9106 to a second submission of it, so no fapiao is issued twice.

    This file holds the record and its states; each step of its life is an extension of its own:
    mall_fapiao_request.py (requests from invoices), mall_fapiao_issue.py (sending through the
    provider adapter, as a queued job), mall_fapiao_poll.py (results, queued status checks),
    mall_fapiao_files.py (PDF, OFD, XML, QR), mall_fapiao_mail.py (delivery by mail) and
    mall_fapiao_red.py (red flush and its credit note)."""

    _name = "mall.fapiao"
    _description = "Fapiao"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "id desc"

    name = fields.Char(string="Order Number", required=True, copy=False, readonly=True, default="/")
    move_id = fields.Many2one(
        "account.move", string="Invoice", required=True, index=True, ondelete="restrict"
    )
    group_index = fields.Integer(readonly=True, help="Place of this fapiao among its invoice's.")
    company_id = fields.Many2one(related="move_id.company_id", store=True)
    currency_id = fields.Many2one(related="move_id.currency_id", store=True)
    partner_id = fields.Many2one(
        related="move_id.commercial_partner_id", store=True, string="Tenant", index=True
    )
    kind = fields.Selection(KINDS, required=True, default="normal", tracking=True)
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("submitted", "Submitted"),
            ("issuing", "Issuing"),
            ("issued", "Issued"),
            ("failed", "Failed"),
        ],
        default="draft",
        required=True,
        tracking=True,
        index=True,
    )
    buyer_name = fields.Char(required=True)
    buyer_tax_number = fields.Char(string="Buyer Taxpayer ID")
    buyer_address = fields.Char()
    buyer_phone = fields.Char()
    buyer_bank = fields.Char()
    buyer_account = fields.Char(string="Buyer Bank Account")
    remark = fields.Char(size=200)
    line_ids = fields.One2many("mall.fapiao.line", "fapiao_id", string="Lines")
    amount_untaxed = fields.Monetary(
        string="Total Excl. Tax", compute="_compute_totals", store=True
    )
    amount_tax = fields.Monetary(string="Total Tax", compute="_compute_totals", store=True)
    amount_total = fields.Monetary(string="Total Incl. Tax", compute="_compute_totals", store=True)
    amount_total_words = fields.Char(
        string="Total in Capitals", compute="_compute_totals", store=True
    )
    is_rent = fields.Boolean(string="Immovable Property Rent", readonly=True)
    rent_region = fields.Char(
        string="Property Region", help="Province, city and district, e.g. 浙江省杭州市西湖区."
    )
    rent_address = fields.Char(string="Property Address", size=120)
    rent_date_start = fields.Date(string="Lease Start")
    rent_date_end = fields.Date(string="Lease End")
    rent_cross_city = fields.Boolean(string="Cross-City")
    rent_certificate = fields.Char(string="Property Certificate No.", size=40)
    serial = fields.Char(string="Provider Serial", readonly=True, copy=False)
    number = fields.Char(string="Fapiao Number", readonly=True, copy=False, index=True)
    issue_date = fields.Datetime(readonly=True, copy=False, index=True)
    qr_code = fields.Char(string="QR Content", readonly=True, copy=False)
    pdf_url = fields.Char(readonly=True, copy=False)
    xml_url = fields.Char(readonly=True, copy=False)
    ofd_url = fields.Char(readonly=True, copy=False)
    fail_reason = fields.Text(readonly=True, copy=False)
    attempt = fields.Integer(readonly=True, default=0, copy=False)
    # red flush (红冲): what a red fapiao is; the rest in mall_fapiao_red.py
    is_red = fields.Boolean(string="Red Fapiao", readonly=True, index=True)
    blue_id = fields.Many2one("mall.fapiao", string="Reversed Fapiao", readonly=True, index=True)
    red_form_id = fields.Many2one("mall.fapiao.red.form", string="Red-Letter Form", readonly=True)

    _order_number_unique = models.Constraint(
        "unique(company_id, name)", "An order number is used for one fapiao only."
    )

    @api.depends("line_ids.amount", "line_ids.tax")
    def _compute_totals(self):
        for fapiao in self:
            untaxed, tax, total = amounts.totals(
                [(line.amount, line.tax) for line in fapiao.line_ids]
            )
            fapiao.amount_untaxed, fapiao.amount_tax, fapiao.amount_total = (
                float(untaxed),
                float(tax),
                float(total),
            )
            fapiao.amount_total_words = amounts.capital_amount(total)

    @api.constrains("is_rent", "line_ids", "rent_date_start", "rent_date_end", "rent_address")
    def _check_rent(self):
        for fapiao in self.filtered("is_rent"):
            if len(fapiao.line_ids) != 1:
                raise ValidationError(_("A property rent fapiao carries exactly one line."))
            start, end = fapiao.rent_date_start, fapiao.rent_date_end
            if start and end and start > end:
                raise ValidationError(_("The lease period must start before it ends."))
            address = fapiao.rent_address or ""
            if address and not any(mark in address for mark in "街路村乡镇道"):
                raise ValidationError(
                    _(
                        "The property address must name a street, road, village or town "
                        "(街/路/村/乡/镇/道)."
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        for fapiao in records.filtered(lambda rec: rec.name == "/"):
            fapiao.name = fapiao._order_number()
        return records

    def _order_number(self):
        """orderNo (≤ 20): the company's prefix and the next number of the order sequence (16
        digits). Red fapiao are numbered after their red-letter form."""
        self.ensure_one()
        prefix = (self.company_id.mall_fapiao_order_prefix or "MF")[:4]
        if self.is_red:
            return f"{prefix}R{self.red_form_id.id or self.id:012d}"
        return prefix + self.env["ir.sequence"].sudo().next_by_code("mall.fapiao.order")

    def _action_open(self):
        action = {
            "type": "ir.actions.act_window",
            "name": _("Fapiao"),
            "res_model": "mall.fapiao",
            "view_mode": "list,form",
            "domain": [("id", "in", self.ids)],
        }
        if len(self) == 1:
            action.update(view_mode="form", res_id=self.id)
        return action

    def _get_report_base_filename(self):
        """File name of the fapiao's PDF in the portal (CustomerPortal._show_report)."""
        self.ensure_one()
        return self.number or self.name

    @api.ondelete(at_uninstall=False)
    def _unlink_except_sent(self):
        if any(fapiao.state not in ("draft", "failed") for fapiao in self):
            raise UserError(_("Only draft or failed fapiao requests can be deleted."))
