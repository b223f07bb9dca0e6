from odoo import _, api, fields, models
from odoo.addons.mall_leasing.lib.rmb import amount_in_words
from odoo.exceptions import UserError

DEPOSIT_OPERATIONS = [
    ("offset", "Deposit Offset against Arrears"),
    ("refund", "Deposit Refund"),
]


class AccountMove(models.Model):
    _inherit = "account.move"

    mall_deposit_operation = fields.Selection(
        DEPOSIT_OPERATIONS,
        string="Deposit Operation",
        readonly=True,
        copy=False,
        help="Set on the journal entries that take deposits off the liability account: an "
        "offset against the tenant's open invoices or a refund to the tenant.",
    )
    mall_is_deposit = fields.Boolean(
        string="Deposit Invoice",
        compute="_compute_mall_is_deposit",
        store=True,
        help="A customer invoice (or credit note) that bills only deposits (保证金): it stays on "
        "the deposit liability account, is no taxable revenue and gets a receipt (收据), "
        "never a fapiao.",
    )
    mall_receipt_number = fields.Char(
        string="Receipt Number",
        copy=False,
        readonly=True,
        index="btree_not_null",
        help="Number of the deposit receipt (收据), given when the deposit invoice is posted.",
    )

    @api.depends("move_type", "invoice_line_ids.product_id", "invoice_line_ids.display_type")
    def _compute_mall_is_deposit(self):
        deposit_products = self.env["mall.lease"]._deposit_products()
        for move in self:
            products = move.invoice_line_ids.filtered(
                lambda line: line.display_type == "product"
            ).product_id
            move.mall_is_deposit = bool(
                move.move_type in ("out_invoice", "out_refund")
                and products
                and not (products - deposit_products)
            )

    def _post(self, soft=True):
        posted = super()._post(soft=soft)
        receipts = posted.filtered(
            lambda m: m.mall_is_deposit and m.move_type == "out_invoice"
        ).filtered(lambda m: not m.mall_receipt_number)
        for move in receipts:
            move.mall_receipt_number = (
                self.env["ir.sequence"]
                .with_company(move.company_id)
                .next_by_code("mall.deposit.receipt", sequence_date=move.date)
            )
        return posted

    def _mall_receipt_amount_upper(self):
        """The amount of the receipt in capital numerals (大写); a UserError past what can be
        read."""
        self.ensure_one()
        return amount_in_words(self.env, self.amount_total)

    def action_mall_print_deposit_receipt(self):
        """Print the receipt (收据) of posted deposit invoices."""
        moves = self.filtered(lambda m: m.mall_is_deposit and m.mall_receipt_number)
        if not moves:
            raise UserError(_("Only posted deposit invoices have a receipt."))
        return self.env.ref("mall_deposit.action_report_deposit_receipt").report_action(moves)
