"""How the billing run turns receivables into posted invoices: every journal item prepared on
plain values, then one create and one post per chunk (the speed of the run lives here)."""

from odoo import models
from odoo.addons.mall_leasing.lib.money import round_money


class MallBillingRun(models.Model):
    _inherit = "mall.billing.run"

    def _create_invoices(self, batches):
        """Posted customer invoices, one per (lease, due date, receivables), created and
        posted in one batch each.

        Every journal item is prepared here (product lines, tax lines from the tax engine of
        Accounting on plain values, the receivable line) so that creating the moves does not
        run Odoo's line synchronisation invoice by invoice; the balance check still runs, and
        a test proves the journal items equal those of the standard path."""
        Move = self.env["account.move"].with_context(
            tracking_disable=True,
            mail_create_nolog=True,
            mail_notrack=True,
            mail_create_nosubscribe=True,
            skip_invoice_sync=True,
            skip_invoice_line_sync=True,
            skip_analytic_sync=True,
        )
        vals_list = [
            self._prepare_invoice_vals(lease, due, recs, journal_items=True)
            for lease, due, recs in batches
        ]
        moves = Move.create(vals_list)
        moves.with_context(skip_analytic_sync=False, mall_sequence_cache={})._post(soft=False)
        return moves.with_env(self.env)

    def _cache(self):
        cache = self.env.context.get("mall_billing_cache")
        return cache if cache is not None else {}

    def _charge_accounting(self, charge):
        """(sale tax, price included; revenue or liability account) of a charge for the run's
        company: deposits on their liability account without tax."""
        cache = self._cache()
        key = ("charge", charge.id, self.company_id.id)
        if key not in cache:
            company = self.company_id
            if charge.is_deposit:
                cache[key] = (self.env["account.tax"], charge._get_deposit_account(company))
            else:
                accounts = charge.product_id.product_tmpl_id.with_company(
                    company
                )._get_product_accounts()
                cache[key] = (
                    charge._get_sale_tax_included(company),
                    accounts.get("income") or self._sale_journal().default_account_id,
                )
        return cache[key]

    def _prepare_invoice_vals(self, lease, due_date, receivables, journal_items=False):
        """Values of one customer invoice of a lease, its lines from the receivables: each at
        its amount, tax included, with the charge's product and the price-included twin of its
        sale tax, so that the line totals the receivable exactly; deposits on their liability
        account without tax. With ``journal_items``, every journal item is given (see
        ``_create_invoices``); without, Accounting computes them (the standard path)."""
        self.ensure_one()
        invoice_date = self.invoice_date or self.period
        partner = lease.tenant_id
        vals = {
            "move_type": "out_invoice",
            "partner_id": partner.id,
            "company_id": self.company_id.id,
            "journal_id": self._sale_journal().id,
            "currency_id": self.company_id.currency_id.id,
            "invoice_date": invoice_date,
            "date": invoice_date,
            "invoice_date_due": due_date,
            "invoice_origin": lease.name,
            "mall_lease_id": lease.id,
            "mall_billing_run_id": self.id,
        }
        if not journal_items:
            vals["invoice_line_ids"] = [
                (0, 0, self._prepare_invoice_line_vals(rec)) for rec in receivables
            ]
            return vals
        vals["line_ids"] = self._prepare_journal_items(partner, due_date, receivables)
        return vals

    def _prepare_invoice_line_vals(self, receivable):
        charge = receivable.charge_type_id
        tax, account = self._charge_accounting(charge)
        return {
            "product_id": charge.product_id.id,
            "name": receivable.name or charge.name,
            "quantity": 1.0,
            "price_unit": receivable.amount,
            "tax_ids": [(6, 0, tax.ids)],
            "account_id": account.id,
        }

    def _prepare_journal_items(self, partner, due_date, receivables):
        """Create commands of all journal items of one invoice: what Accounting's line
        synchronisation would produce, computed on plain values by its own tax engine."""
        AccountTax = self.env["account.tax"]
        company = self.company_id
        currency = company.currency_id
        commercial = partner.commercial_partner_id
        base_lines = []
        for rec in receivables:
            charge = rec.charge_type_id
            tax, account = self._charge_accounting(charge)
            base_lines.append(
                AccountTax._prepare_base_line_for_taxes_computation(
                    None,
                    tax_ids=tax,
                    price_unit=rec.amount,
                    quantity=1.0,
                    currency_id=currency,
                    product_id=charge.product_id,
                    partner_id=commercial,
                    account_id=account,
                    sign=-1,
                    special_mode=False,
                    rate=1.0,
                    is_refund=False,
                    name=rec.name or charge.name,
                )
            )
        AccountTax._add_tax_details_in_base_lines(base_lines, company)
        AccountTax._round_base_lines_tax_details(base_lines, company)
        AccountTax._add_accounting_data_in_base_lines_tax_details(base_lines, company)
        results = AccountTax._prepare_tax_lines(base_lines, company)
        commands, total = [], 0.0
        for sequence, (base_line, amounts) in enumerate(results["base_lines_to_update"], 10):
            commands.append(
                (
                    0,
                    0,
                    {
                        "display_type": "product",
                        "sequence": sequence,
                        "product_id": base_line["product_id"].id,
                        "name": base_line["name"],
                        "quantity": 1.0,
                        "price_unit": base_line["price_unit"],
                        "tax_ids": [(6, 0, base_line["tax_ids"].ids)],
                        "account_id": base_line["account_id"].id,
                        "partner_id": commercial.id,
                        **amounts,
                    },
                )
            )
            total -= amounts["balance"]
        for tax_vals in results["tax_lines_to_add"]:
            commands.append((0, 0, {**tax_vals, "display_type": "tax"}))
            total -= tax_vals["balance"]
        total = round_money(total)
        commands.append(
            (
                0,
                0,
                {
                    "display_type": "payment_term",
                    "name": "",
                    "account_id": commercial.with_company(
                        company
                    ).property_account_receivable_id.id,
                    "partner_id": commercial.id,
                    "date_maturity": due_date,
                    "balance": total,
                    "amount_currency": total,
                    "currency_id": currency.id,
                },
            )
        )
        return commands

    def _sale_journal(self):
        self.ensure_one()
        cache = self._cache()
        key = ("journal", self.company_id.id)
        if key not in cache:
            cache[key] = self.env["account.journal"].search(
                [
                    *self.env["account.journal"]._check_company_domain(self.company_id),
                    ("type", "=", "sale"),
                ],
                limit=1,
            )
        return cache[key]
