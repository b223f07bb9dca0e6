from odoo import api, models

from ..lib import amounts


class MallFapiao(models.Model):
    """Fapiao requests made from posted customer invoices: which lines go together, what the
    buyer's title is, where and when a rented property is."""

    _inherit = "mall.fapiao"

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
