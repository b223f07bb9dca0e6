import base64
import logging
from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..lib import amounts, provider

_logger = logging.getLogger(__name__)

MAX_POLLS = 12


class MallFapiao(models.Model):
    """One fapiao request: what is sent to the provider under one order number at a time."""

    _name = "mall.fapiao"
    _description = "Fapiao"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "id desc"

    name = fields.Char(string="Order Number", required=True, copy=False, readonly=True, default="/")
    move_id = fields.Many2one(
        "account.move", string="Invoice", required=True, index=True, ondelete="restrict"
    )
    company_id = fields.Many2one(related="move_id.company_id", store=True)
    currency_id = fields.Many2one(related="move_id.currency_id", store=True)
    partner_id = fields.Many2one(related="move_id.partner_id", store=True, string="Tenant")
    kind = fields.Selection(
        [("special", "Digital special VAT fapiao"), ("normal", "Digital normal fapiao")],
        required=True,
        default="normal",
        tracking=True,
    )
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
    issue_date = fields.Datetime(readonly=True, copy=False)
    qr_code = fields.Char(string="QR Content", readonly=True, copy=False)
    pdf_url = fields.Char(readonly=True, copy=False)
    xml_url = fields.Char(readonly=True, copy=False)
    fail_reason = fields.Text(readonly=True, copy=False)
    attempt = fields.Integer(readonly=True, default=0, copy=False)
    poll_count = fields.Integer(readonly=True, default=0, copy=False)
    next_poll = fields.Datetime(readonly=True, copy=False, index=True)

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
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = self.env["ir.sequence"].next_by_code("mall.fapiao") or "/"
        return super().create(vals_list)

    # ------------------------------------------------------------------ building
    @api.model
    def _prepare_from_moves(self, moves):
        """Values of the fapiao requests for posted customer invoices: rent lines each alone."""
        vals_list = []
        for move in moves:
            partner = move.partner_id.commercial_partner_id
            bank = partner.bank_ids[:1]
            lines = move.invoice_line_ids.filtered(lambda line: line.display_type == "product")
            header = {
                "move_id": move.id,
                "kind": move.company_id.mall_fapiao_kind or "normal",
                "buyer_name": partner.name,
                "buyer_tax_number": partner.mall_uscc or partner.vat or False,
                "buyer_address": partner.contact_address_inline if partner.street else False,
                "buyer_phone": partner.phone or False,
                "buyer_bank": bank.bank_id.name or False,
                "buyer_account": bank.acc_number or False,
                "remark": move.name,
            }
            groups = amounts.split_for_issue(
                list(lines),
                is_rent=lambda line: line.product_id.product_tmpl_id.mall_is_property_rent,
            )
            for group in groups:
                is_rent = group[0].product_id.product_tmpl_id.mall_is_property_rent
                vals = dict(
                    header,
                    is_rent=is_rent,
                    line_ids=[(0, 0, self._prepare_line(line)) for line in group],
                )
                if is_rent:
                    vals.update(
                        rent_date_start=move.invoice_date, rent_date_end=move.invoice_date_due
                    )
                vals_list.append(vals)
        return vals_list

    @api.model
    def _prepare_line(self, line):
        template = line.product_id.product_tmpl_id
        tax = line.tax_ids[:1]
        price = line.price_unit * (1 - (line.discount or 0.0) / 100.0)
        return {
            "move_line_id": line.id,
            "product_id": line.product_id.id,
            "name": amounts.item_name(
                template.mall_tax_short_name, line.product_id.name or line.name
            ),
            "tax_code": template.mall_tax_code or False,
            "preferential": template.mall_tax_preferential or False,
            "quantity": line.quantity,
            "price_unit": price,
            "price_include": bool(tax.price_include),
            "tax_rate": (tax.amount or 0.0) / 100.0,
            "is_rent": template.mall_is_property_rent,
        }

    def _provider_order(self):
        self.ensure_one()
        rent = False
        if self.is_rent:
            rent = {
                "address_region": self.rent_region or "",
                "address_detail": self.rent_address or "",
                "date_start": self.rent_date_start,
                "date_end": self.rent_date_end,
                "cross_city": self.rent_cross_city,
                "certificate": self.rent_certificate,
            }
        return {
            "order_no": self.name,
            "kind": self.kind,
            "seller_tax_number": self.company_id.vat,
            "clerk": self.company_id.mall_fapiao_clerk or self.env.user.name,
            "remark": self.remark,
            "callback_url": self.company_id._mall_fapiao_callback_url(),
            "buyer": {
                "name": self.buyer_name,
                "tax_number": self.buyer_tax_number,
                "address": self.buyer_address,
                "phone": self.buyer_phone,
                "bank": self.buyer_bank,
                "account": self.buyer_account,
                "email": self.partner_id.email,
            },
            "rent": rent,
            "lines": [
                {
                    "name": line.name,
                    "tax_code": line.tax_code,
                    "quantity": line.quantity,
                    "price": line.price_unit,
                    "price_include": line.price_include,
                    "rate": line.tax_rate,
                    "amount": line.amount,
                    "tax": line.tax,
                    "total": line.total,
                    "preferential": line.preferential,
                    "spec": "",
                    "unit": "",
                }
                for line in self.line_ids
            ],
        }

    # ------------------------------------------------------------------ life cycle
    def _check_ready(self):
        for fapiao in self:
            if not fapiao.line_ids:
                raise UserError(_("Fapiao %s has no lines.", fapiao.name))
            missing = fapiao.line_ids.filtered(lambda line: not line.tax_code)
            if missing:
                raise UserError(
                    _(
                        "Set the tax classification code of %(items)s "
                        "before issuing fapiao %(order)s.",
                        items=", ".join(missing.mapped("name")),
                        order=fapiao.name,
                    )
                )
            if fapiao.kind == "special" and not fapiao.buyer_tax_number:
                raise UserError(_("A special VAT fapiao needs the buyer's taxpayer ID."))
            if fapiao.is_rent and not (
                fapiao.rent_region
                and fapiao.rent_address
                and fapiao.rent_date_start
                and fapiao.rent_date_end
            ):
                raise UserError(
                    _("A property rent fapiao needs the property address and the lease period.")
                )

    def action_submit(self):
        """Send draft or failed requests to the provider; a failed one gets a new order number."""
        todo = self.filtered(lambda fapiao: fapiao.state in ("draft", "failed"))
        todo._check_ready()
        for fapiao in todo.filtered(lambda fapiao: fapiao.state == "failed"):
            old = fapiao.name
            fapiao.write(
                {"name": self.env["ir.sequence"].next_by_code("mall.fapiao"), "fail_reason": False}
            )
            fapiao.message_post(
                body=_("Issued again under a new order number; the failed one was %s.", old)
            )
        for fapiao in todo:
            fapiao._send()
        return True

    def _send(self):
        self.ensure_one()
        adapter = self.company_id._mall_fapiao_provider()
        vals = {"attempt": self.attempt + 1, "poll_count": 0, "next_poll": fields.Datetime.now()}
        try:
            vals.update(serial=adapter.issue(self._provider_order()), state="issuing")
        except provider.DuplicateOrder:
            # already accepted earlier (a lost answer): only its result is missing
            vals["state"] = "issuing"
        except provider.ProviderTimeout:
            # unknown outcome: polling asks for this order number, never a new one
            vals["state"] = "submitted"
        except provider.ProviderError as error:
            vals.update(state="failed", fail_reason=error.message or error.code)
        self.write(vals)

    def _apply_results(self, results):
        by_order = {result["order_no"]: result for result in results}
        now = fields.Datetime.now()
        for fapiao in self:
            result = by_order.get(fapiao.name)
            if not result:
                continue
            state = result["state"]
            if state == provider.STATE_ISSUED and fapiao.state != "issued":
                fapiao.write(
                    {
                        "state": "issued",
                        "number": result["number"],
                        "issue_date": result["date"] or now,
                        "qr_code": result["qr_code"],
                        "pdf_url": result["pdf_url"],
                        "xml_url": result["xml_url"],
                        "serial": result["serial"] or fapiao.serial,
                        "next_poll": False,
                    }
                )
                fapiao._attach_files()
            elif state == provider.STATE_FAILED:
                fapiao.write(
                    {"state": "failed", "fail_reason": result["fail_cause"], "next_poll": False}
                )
            elif state == provider.STATE_SIGN_FAILED:
                fapiao.company_id._mall_fapiao_provider().retry_signature(result["serial"])
                fapiao.write({"state": "issuing"})

    def _attach_files(self):
        adapter = self.company_id._mall_fapiao_provider()
        for url, ext, mimetype in (
            (self.pdf_url, "pdf", "application/pdf"),
            (self.xml_url, "xml", "application/xml"),
        ):
            if not url:
                continue
            try:
                data = adapter.download(url)
            except provider.ProviderError:
                _logger.warning("fapiao %s: could not download %s", self.name, url)
                continue
            self.env["ir.attachment"].create(
                {
                    "name": f"{self.number}.{ext}",
                    "datas": base64.b64encode(data),
                    "res_model": self._name,
                    "res_id": self.id,
                    "mimetype": mimetype,
                }
            )

    def action_refresh(self):
        """Ask the provider for the result of requests still under way."""
        pending = self.filtered(lambda fapiao: fapiao.state in ("submitted", "issuing"))
        for company in pending.company_id:
            mine = pending.filtered(lambda fapiao, company=company: fapiao.company_id == company)
            adapter = company._mall_fapiao_provider()
            try:
                results = adapter.query(order_nos=mine.mapped("name"))
            except provider.ProviderError as error:
                if error.code == "E9500":
                    # never accepted (the submission was lost): send it again, same order number
                    for fapiao in mine.filtered(lambda fapiao: fapiao.state == "submitted"):
                        fapiao._send()
                    continue
                _logger.warning("fapiao query failed: %s", error)
                results = []
            mine._apply_results(results)
            now = fields.Datetime.now()
            for fapiao in mine.filtered(lambda fapiao: fapiao.state in ("submitted", "issuing")):
                # back-off: 1, 2, 4 … minutes, at most an hour
                fapiao.write(
                    {
                        "poll_count": fapiao.poll_count + 1,
                        "next_poll": now + timedelta(minutes=min(2**fapiao.poll_count, 60)),
                    }
                )
        return True

    @api.model
    def _cron_poll_results(self):
        """Scheduled: fetch results of the requests whose back-off has expired."""
        due = self.search(
            [
                ("state", "in", ("submitted", "issuing")),
                ("next_poll", "<=", fields.Datetime.now()),
            ],
            limit=500,
        )
        due.action_refresh()

    def action_void(self):
        """数电 fapiao cannot be voided: explain the red flush instead."""
        raise UserError(
            _(
                "A digital fapiao cannot be voided. Reverse it with a red fapiao "
                "through a red-letter confirmation form (红字确认单)."
            )
        )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_sent(self):
        if any(fapiao.state not in ("draft", "failed") for fapiao in self):
            raise UserError(_("Only draft or failed fapiao requests can be deleted."))
