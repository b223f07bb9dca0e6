from odoo import fields, models


class MallStatementLine(models.Model):
    """One entry of a statement: an invoice (debit), a payment or credit note (credit)."""

    _name = "mall.statement.line"
    _description = "Tenant Statement Entry"
    _order = "statement_id, date, id"

    statement_id = fields.Many2one("mall.statement", required=True, index=True, ondelete="cascade")
    currency_id = fields.Many2one(related="statement_id.currency_id")
    date = fields.Date(required=True)
    move_id = fields.Many2one("account.move", string="Entry", ondelete="set null")
    name = fields.Char(string="Reference")
    debit = fields.Monetary(string="Billed")
    credit = fields.Monetary(string="Paid")
    balance = fields.Monetary()
