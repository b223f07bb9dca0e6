from odoo import _, models
from odoo.exceptions import UserError

from ..lib import provider


class MallFapiao(models.Model):
    """Sending a request to the provider through its adapter (lib/provider.py): the neutral
    order, what is missing before it can go, and what each answer means for the request."""

    _inherit = "mall.fapiao"

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
        vals = {"poll_count": 0}
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
        if self.state in ("submitted", "issuing"):
            # the first status check at once; the back-off of the polling takes over from there
            self._schedule_poll()
