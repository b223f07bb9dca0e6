import logging

from odoo import fields, models

from ..lib import amounts, einvoice_xml, provider

_logger = logging.getLogger(__name__)


class MallFapiao(models.Model):
    """The files of an issued fapiao: the provider's PDF and OFD (the legal ones), the EInvoice
    XML written here (lib/einvoice_xml.py) and the QR content printed on the preview."""

    _inherit = "mall.fapiao"

    attachment_ids = fields.One2many(
        "ir.attachment",
        "res_id",
        domain=[("res_model", "=", "mall.fapiao")],
        string="Files",
        readonly=True,
    )

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
        """QR content (docs/fapiao.md §8): the provider's, else built from the fapiao:
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
