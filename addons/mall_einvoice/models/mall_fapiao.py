import logging
from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..lib import amounts, einvoice_xml, provider

_logger = logging.getLogger(__name__)

MAX_SIGN_RETRIES = 5
KINDS = [("special", "Digital special VAT fapiao"), ("normal", "Digital normal fapiao")]


class MallFapiao(models.Model):
    """One fapiao request: what is sent to the provider under one order number at a time.

    The order number is derived from the invoice, the request's place on it and the attempt,
    never from a sequence: a request sent again after a crash or a lost answer carries the
    same number, and the provider answers E9106 instead of issuing a second fapiao."""

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
    sign_retries = fields.Integer(readonly=True, default=0, copy=False)
    poll_count = fields.Integer(readonly=True, default=0, copy=False)
    next_poll = fields.Datetime(readonly=True, copy=False, index=True)
    sent = fields.Boolean(string="Emailed", readonly=True, copy=False)
    # red flush (红冲)
    is_red = fields.Boolean(string="Red Fapiao", readonly=True, index=True)
    blue_id = fields.Many2one("mall.fapiao", string="Reversed Fapiao", readonly=True, index=True)
    red_ids = fields.One2many("mall.fapiao", "blue_id", string="Red Fapiao")
    red_form_ids = fields.One2many("mall.fapiao.red.form", "blue_id", string="Red-Letter Forms")
    red_form_id = fields.Many2one("mall.fapiao.red.form", string="Red-Letter Form", readonly=True)
    credit_note_id = fields.Many2one("account.move", readonly=True)
    red_state = fields.Selection(
        [("none", "Not reversed"), ("partial", "Partly reversed"), ("full", "Fully reversed")],
        string="Red Flush",
        compute="_compute_red_state",
        store=True,
    )
    attachment_ids = fields.One2many(
        "ir.attachment",
        "res_id",
        domain=[("res_model", "=", "mall.fapiao")],
        string="Files",
        readonly=True,
    )

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

    @api.depends("red_ids.state", "red_ids.amount_total", "amount_total")
    def _compute_red_state(self):
        for fapiao in self:
            reds = fapiao.red_ids.filtered(lambda red: red.state == "issued")
            if not reds:
                fapiao.red_state = "none"
                continue
            left = amounts.fen(fapiao.amount_total) + sum(
                (amounts.fen(red.amount_total) for red in reds), amounts.fen(0)
            )
            fapiao.red_state = "full" if left <= 0 else "partial"

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
        """orderNo (≤ 20): prefix, invoice id, place on the invoice, attempt. Red fapiao are
        numbered after their red-letter form."""
        self.ensure_one()
        prefix = (self.company_id.mall_fapiao_order_prefix or "MF")[:4]
        if self.is_red:
            return f"{prefix}R{self.red_form_id.id or self.id:012d}"
        return f"{prefix}{self.move_id.id:010d}{self.group_index:02d}{self.attempt:02d}"

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

    # ------------------------------------------------------------------ building
    @api.model
    def _prepare_from_moves(self, moves):
        """Values of the fapiao requests for posted customer invoices: rent lines each alone.

        Tax data come from the charge type of each line's product (the one source of truth);
        the buyer's title and preferred kind from the tenant."""
        lines = moves.invoice_line_ids.filtered(lambda line: line.display_type == "product")
        charges = self.env["mall.charge.type"]._fapiao_by_product(lines.product_id)
        no_charge = self.env["mall.charge.type"]
        vals_list = []
        for move in moves:
            partner = move.commercial_partner_id
            bank = partner.bank_ids[:1]
            move_lines = move.invoice_line_ids.filtered(lambda line: line.display_type == "product")
            header = {
                "move_id": move.id,
                "kind": partner.mall_fapiao_kind or move.company_id.mall_fapiao_kind or "normal",
                "buyer_name": partner.mall_fapiao_title or partner.name,
                "buyer_tax_number": partner.mall_fapiao_tax_number
                or partner.mall_uscc
                or partner.vat
                or False,
                "buyer_address": partner.mall_fapiao_address
                or (partner.contact_address_inline if partner.street else False),
                "buyer_phone": False if partner.mall_fapiao_address else partner.phone or False,
                "buyer_bank": partner.mall_fapiao_bank or bank.bank_id.name or False,
                "buyer_account": False if partner.mall_fapiao_bank else bank.acc_number or False,
                "remark": move.name,
            }

            def charge_of(line):
                return charges.get(line.product_id.id, no_charge)

            groups = amounts.split_for_issue(
                list(move_lines), is_rent=lambda line: charge_of(line).fapiao_is_property_rent
            )
            for index, group in enumerate(groups):
                is_rent = charge_of(group[0]).fapiao_is_property_rent
                vals = dict(
                    header,
                    group_index=index,
                    is_rent=is_rent,
                    line_ids=[
                        (0, 0, self._prepare_line(line, charge_of(line), sequence))
                        for sequence, line in enumerate(group, start=1)
                    ],
                )
                if is_rent:
                    vals.update(self._prepare_rent(move, group[0], charge_of(group[0])))
                vals_list.append(vals)
        return vals_list

    @api.model
    def _prepare_line(self, line, charge, sequence=10):
        tax = line.tax_ids[:1]
        price = line.price_unit * (1 - (line.discount or 0.0) / 100.0)
        return {
            "sequence": sequence,
            "move_line_id": line.id,
            "product_id": line.product_id.id,
            "name": amounts.item_name(
                charge.tax_classification_name, line.product_id.name or line.name
            ),
            "tax_code": charge.tax_classification_code or False,
            "preferential": (charge.tax_preferential and charge.fapiao_preferential_flag) or False,
            "quantity": line.quantity,
            "price_unit": price,
            "price_include": bool(tax.price_include),
            "tax_rate": (tax.amount or 0.0) / 100.0,
            "is_rent": bool(charge.fapiao_is_property_rent),
        }

    @api.model
    def _prepare_rent(self, move, line, charge):
        """Property address from the mall, lease period from the receivable the line bills
        (else the lease), unit code after the address."""
        receivables = move.mall_receivable_ids.filtered(
            lambda rec: rec.charge_type_id == charge and rec.state != "cancelled"
        )
        # the n-th rent line of the invoice bills the n-th receivable of that charge
        same = move.invoice_line_ids.filtered(lambda other: other.product_id == line.product_id)
        position = list(same).index(line) if line in same else 0
        receivable = receivables[position] if position < len(receivables) else receivables[:1]
        lease = move.mall_lease_id
        unit = receivable.unit_id or lease.unit_ids[:1]
        mall = receivable.mall_id or unit.mall_id or lease.mall_id
        address = " ".join(filter(None, [mall.fapiao_address, unit.display_name]))[:120]
        return {
            "rent_region": mall.fapiao_region or False,
            "rent_address": address or False,
            "rent_certificate": mall.fapiao_certificate or False,
            "rent_cross_city": mall.fapiao_cross_city,
            "rent_date_start": receivable.period_start or lease.date_start or move.invoice_date,
            "rent_date_end": receivable.period_end
            or lease.date_end
            or move.invoice_date_due
            or move.invoice_date,
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
                "email": self._push_email(),
            },
            "rent": rent,
            "lines": [line._provider_line() for line in self.line_ids],
        }

    # ------------------------------------------------------------------ life cycle
    def _missing(self):
        """Why this request cannot be sent yet ('' when it can)."""
        self.ensure_one()
        if not self.company_id.sudo().mall_fapiao_url:
            return _(
                "Configure the fapiao provider of %(company)s first (Settings, Companies, Fapiao).",
                company=self.company_id.name,
            )
        if not self.line_ids:
            return _("Fapiao %(order)s has no lines.", order=self.name)
        missing = self.line_ids.filtered(lambda line: not line.tax_code)
        if missing:
            return _(
                "Set the tax classification code of the charge type of %(items)s "
                "before issuing fapiao %(order)s.",
                items=", ".join(missing.mapped("name")),
                order=self.name,
            )
        if self.kind == "special" and not self.buyer_tax_number:
            return _("A special VAT fapiao needs the buyer's taxpayer ID.")
        if self.is_rent and not (
            self.rent_region and self.rent_address and self.rent_date_start and self.rent_date_end
        ):
            return _("A property rent fapiao needs the property address and the lease period.")
        return ""

    def _ready(self):
        return self.filtered(lambda fapiao: not fapiao._missing())

    def action_submit(self):
        """Send draft or failed requests to the provider; a failed one gets a new order number."""
        todo = self.filtered(
            lambda fapiao: fapiao.state in ("draft", "failed") and not fapiao.is_red
        )
        for fapiao in todo:
            reason = fapiao._missing()
            if reason:
                raise UserError(reason)
        for fapiao in todo.filtered(lambda fapiao: fapiao.state == "failed"):
            old = fapiao.name
            fapiao.attempt += 1
            fapiao.write({"name": fapiao._order_number(), "fail_reason": False})
            fapiao.message_post(
                body=_(
                    "Issued again under order number %(new)s; the failed one was %(old)s.",
                    new=fapiao.name,
                    old=old,
                )
            )
        if todo:
            adapter = todo.company_id[:1]._mall_fapiao_provider()
            for fapiao in todo:
                if fapiao.company_id != todo.company_id[:1]:
                    adapter = fapiao.company_id._mall_fapiao_provider()
                fapiao._send(adapter)
        return True

    def _send(self, adapter=None):
        self.ensure_one()
        adapter = adapter or self.company_id._mall_fapiao_provider()
        vals = {"poll_count": 0, "next_poll": fields.Datetime.now()}
        try:
            vals.update(serial=adapter.issue(self._provider_order()), state="issuing")
        except provider.DuplicateOrder:
            # already accepted earlier (a lost answer, a crash): only its result is missing
            vals["state"] = "issuing"
        except provider.ProviderTimeout:
            # unknown outcome: polling asks for this order number, never a new one
            vals["state"] = "submitted"
        except provider.ProviderError as error:
            vals.update(state="failed", fail_reason=f"{error.code}: {error.message}")
        self.write(vals)

    def _apply_results(self, results, adapter):
        by_order = {result["order_no"]: result for result in results if result["order_no"]}
        by_serial = {result["serial"]: result for result in results if result["serial"]}
        now = fields.Datetime.now()
        issued = self.browse()
        for fapiao in self:
            result = by_order.get(fapiao.name) or by_serial.get(fapiao.serial or "")
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
                        "ofd_url": result["ofd_url"],
                        "serial": result["serial"] or fapiao.serial,
                        "next_poll": False,
                    }
                )
                issued |= fapiao
            elif state == provider.STATE_FAILED:
                fapiao.write(
                    {
                        "state": "failed",
                        "fail_reason": result["fail_cause"] or _("Issuing failed."),
                        "next_poll": False,
                    }
                )
            elif state == provider.STATE_SIGN_FAILED:
                if fapiao.sign_retries >= MAX_SIGN_RETRIES:
                    fapiao.write(
                        {
                            "state": "failed",
                            "fail_reason": result["fail_cause"] or _("The signature failed."),
                            "next_poll": False,
                        }
                    )
                    continue
                try:
                    adapter.retry_signature(result["serial"] or fapiao.serial)
                except provider.ProviderError as error:
                    _logger.warning("fapiao %s: signature retry refused: %s", fapiao.name, error)
                fapiao.write({"state": "issuing", "sign_retries": fapiao.sign_retries + 1})
        issued._on_issued(adapter)

    def _on_issued(self, adapter):
        """Files, credit note of red ones, email to the tenant."""
        for fapiao in self:
            fapiao._attach_files(adapter)
        self.filtered("is_red")._create_credit_note()
        self.filtered(lambda fapiao: fapiao.company_id.mall_fapiao_push)._push_mail()

    def _attach_files(self, adapter):
        """The provider's PDF and OFD, and the EInvoice XML written here."""
        self.ensure_one()
        Attachment = self.env["ir.attachment"].sudo()
        vals_list = []
        for url, ext, mimetype in (
            (self.pdf_url, "pdf", "application/pdf"),
            (self.ofd_url, "ofd", "application/ofd"),
        ):
            if not url:
                continue
            try:
                data = adapter.download(url)
            except (provider.ProviderError, OSError) as error:
                _logger.warning("fapiao %s: could not download %s: %s", self.name, url, error)
                continue
            vals_list.append(
                {
                    "name": f"{self.number}.{ext}",
                    "raw": data,
                    "res_model": self._name,
                    "res_id": self.id,
                    "mimetype": mimetype,
                }
            )
        vals_list.append(
            {
                "name": f"{self.number}.xml",
                "raw": einvoice_xml.render(self._einvoice_data()),
                "res_model": self._name,
                "res_id": self.id,
                "mimetype": "application/xml",
            }
        )
        Attachment.create(vals_list)

    def _einvoice_data(self):
        """The neutral data the EInvoice XML writer renders (lib/einvoice_xml.py)."""
        self.ensure_one()
        company = self.company_id
        return {
            "number": self.number,
            "red": self.is_red,
            "kind": self.kind,
            "blue_number": self.blue_id.number or "",
            "issue_time": self.issue_date,
            "drawer": company.mall_fapiao_clerk or "",
            "seller": {
                "tax_number": company.vat or "",
                "name": company.name,
                "address": company.partner_id.contact_address_inline or "",
                "phone": company.phone or "",
            },
            "buyer": {
                "tax_number": self.buyer_tax_number or "",
                "name": self.buyer_name,
                "address": self.buyer_address or "",
                "phone": self.buyer_phone or "",
                "bank": self.buyer_bank or "",
                "account": self.buyer_account or "",
            },
            "amount": self.amount_untaxed,
            "tax": self.amount_tax,
            "total": self.amount_total,
            "total_words": self.amount_total_words,
            "remark": self.remark or "",
            "rent": {
                "region": self.rent_region or "",
                "address": self.rent_address or "",
                "date_start": self.rent_date_start,
                "date_end": self.rent_date_end,
                "cross_city": self.rent_cross_city,
                "certificate": self.rent_certificate or "",
            }
            if self.is_rent
            else None,
            "lines": [
                {
                    "name": line.name,
                    "spec": "",
                    "unit": "",
                    "quantity": line.quantity,
                    "price": line.price_unit,
                    "amount": line.amount,
                    "rate": line.tax_rate,
                    "tax": line.tax,
                    "total": line.total,
                    "tax_code": line.tax_code or "",
                }
                for line in self.line_ids
            ],
        }

    def _qr_payload(self):
        """QR content (fapiao.md §8): the provider's, else built from the fapiao:
        版本,种类,发票代码(empty),发票号码,金额,开票日期,校验码(empty),尾码."""
        self.ensure_one()
        if self.qr_code:
            return self.qr_code
        if not self.number:
            return ""
        return amounts.qr_payload(
            "special" if self.kind == "special" else "normal",
            self.number,
            self.amount_untaxed,
            self.issue_date,
        )

    def _push_email(self):
        self.ensure_one()
        partner = self.partner_id
        return partner.mall_fapiao_email or partner.email or ""

    def _push_mail(self):
        """Email each issued fapiao with its files to the tenant."""
        template = self.env.ref("mall_einvoice.mail_template_fapiao_issued")
        for fapiao in self.filtered(lambda rec: rec.state == "issued" and rec._push_email()):
            attachments = (
                self.env["ir.attachment"]
                .sudo()
                .search([("res_model", "=", fapiao._name), ("res_id", "=", fapiao.id)])
            )
            template.send_mail(
                fapiao.id,
                email_values={
                    "email_to": fapiao._push_email(),
                    "attachment_ids": [(6, 0, attachments.ids)],
                },
            )
            fapiao.sent = True
            fapiao.message_post(
                body=_("Fapiao sent to %(email)s.", email=fapiao._push_email()),
                attachment_ids=attachments.ids,
            )

    def action_send_mail(self):
        """Button: email the fapiao to the tenant again."""
        if not self.filtered(lambda rec: rec.state == "issued"):
            raise UserError(_("Only issued fapiao can be sent."))
        missing = self.filtered(lambda rec: not rec._push_email())
        if missing:
            raise UserError(
                _(
                    "Set an email address on %(tenants)s first.",
                    tenants=", ".join(missing.partner_id.mapped("name")),
                )
            )
        self._push_mail()
        return True

    def action_refresh(self):
        """Ask the provider for the result of requests still under way."""
        # a red fapiao is issued by the provider from its form: followed once its serial is known
        pending = self.filtered(
            lambda fapiao: (
                fapiao.state in ("submitted", "issuing") and (not fapiao.is_red or fapiao.serial)
            )
        )
        for company in pending.company_id:
            mine = pending.filtered(lambda fapiao, company=company: fapiao.company_id == company)
            adapter = company._mall_fapiao_provider()
            by_serial = mine.filtered(lambda fapiao: fapiao.is_red and fapiao.serial)
            by_order = mine - by_serial
            results = []
            for batch, key in ((by_order, "order_nos"), (by_serial, "serials")):
                if not batch:
                    continue
                try:
                    results += adapter.query(
                        **{key: batch.mapped("name" if key == "order_nos" else "serial")}
                    )
                except provider.ProviderError as error:
                    if error.code != "E9500" or key != "order_nos":
                        _logger.warning("fapiao query failed: %s", error)
                        continue
                    # one of them was never accepted: ask one by one, send the lost ones again
                    results += batch._query_one_by_one(adapter)
            mine._apply_results(results, adapter)
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

    def _query_one_by_one(self, adapter):
        results = []
        for fapiao in self:
            try:
                results += adapter.query(order_nos=[fapiao.name])
            except provider.ProviderError as error:
                if error.code == "E9500" and fapiao.state == "submitted":
                    # never accepted (the submission was lost): send again, same order number
                    fapiao._send(adapter)
        return results

    @api.model
    def _cron_poll_results(self):
        """Scheduled: fetch results of the requests whose back-off has expired."""
        due = self.search(
            [
                ("state", "in", ("submitted", "issuing")),
                ("next_poll", "<=", fields.Datetime.now()),
                "|",
                ("is_red", "=", False),
                ("serial", "!=", False),
            ],
            limit=500,
        )
        due.action_refresh()

    # ------------------------------------------------------------------ red flush, void
    def action_red_flush(self):
        """Open a new red-letter form (红字确认单) for this fapiao, all lines reversed in full;
        lower the quantities or prices for a partial red flush."""
        self.ensure_one()
        form = self.env["mall.fapiao.red.form"].create(
            self.env["mall.fapiao.red.form"]._prepare_vals(self)
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": "mall.fapiao.red.form",
            "res_id": form.id,
            "view_mode": "form",
        }

    def _create_credit_note(self):
        """The credit note in Accounting of each issued red fapiao, posted and reconciled
        with the reversed invoice."""
        for red in self.filtered(lambda rec: rec.is_red and not rec.credit_note_id):
            blue_move = red.move_id
            lines = []
            for line in red.line_ids:
                source = line.move_line_id
                lines.append(
                    (
                        0,
                        0,
                        {
                            "product_id": line.product_id.id,
                            "name": source.name or line.name,
                            "quantity": abs(line.quantity),
                            "price_unit": line.price_unit,
                            "tax_ids": [(6, 0, source.tax_ids.ids)],
                            "account_id": source.account_id.id,
                        },
                    )
                )
            credit = (
                self.env["account.move"]
                .sudo()
                .create(
                    {
                        "move_type": "out_refund",
                        "partner_id": blue_move.partner_id.id,
                        "company_id": blue_move.company_id.id,
                        "currency_id": blue_move.currency_id.id,
                        "reversed_entry_id": blue_move.id,
                        "invoice_date": fields.Date.context_today(self),
                        "ref": _(
                            "Red fapiao %(number)s reversing %(blue)s",
                            number=red.number,
                            blue=red.blue_id.number,
                        ),
                        "invoice_line_ids": lines,
                    }
                )
            )
            credit.action_post()
            red.credit_note_id = credit
            if blue_move.payment_state not in ("paid", "in_payment", "reversed"):
                (credit.line_ids | blue_move.line_ids).filtered(
                    lambda aml: (
                        aml.account_id.account_type == "asset_receivable" and not aml.reconciled
                    )
                ).reconcile()

    def action_void(self):
        """Void only a paper fapiao; a 数电 fapiao is refused with the way to reverse it."""
        for fapiao in self:
            if fapiao.kind in ("special", "normal"):
                raise UserError(
                    _(
                        "A digital fapiao (数电发票) cannot be voided. Reverse it with a red "
                        "fapiao through a red-letter confirmation form (红字确认单): use "
                        "Red Flush."
                    )
                )
        return True

    @api.ondelete(at_uninstall=False)
    def _unlink_except_sent(self):
        if any(fapiao.state not in ("draft", "failed") for fapiao in self):
            raise UserError(_("Only draft or failed fapiao requests can be deleted."))
