"""Deposit invoices posted before receipts existed get their receipt number, in posting order."""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    moves = env["account.move"].search(
        [
            ("mall_is_deposit", "=", True),
            ("move_type", "=", "out_invoice"),
            ("state", "=", "posted"),
            ("mall_receipt_number", "=", False),
        ],
        order="date, id",
    )
    for move in moves:
        move.mall_receipt_number = (
            env["ir.sequence"]
            .with_company(move.company_id)
            .next_by_code("mall.deposit.receipt", sequence_date=move.date)
        )
