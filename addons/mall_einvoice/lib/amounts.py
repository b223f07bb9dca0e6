"""Fapiao arithmetic, exact to the fen and free of the ORM so that it can be proven alone.

Rules (docs/fapiao.md §3): amounts and tax carry 2 decimals, rounded half up as the bureau does.
- price excluding tax: amount = round(qty × price), tax = round(amount × rate),
  total = amount + tax;
- price including tax: total = round(qty × price), amount = round(total / (1 + rate)),
  tax = total − amount, so that amount + tax is always exactly what the tenant was billed.
Totals are the sums of the rounded lines, never a recomputation of the sum.

Rounding and the reading of floats are the suite's one money helper (mall_leasing/lib/money.py),
capital numerals its one reading (mall_leasing/lib/rmb.py): nothing here rounds on its own.
"""

from decimal import Decimal

from odoo.addons.mall_leasing.lib.money import round_fen as fen
from odoo.addons.mall_leasing.lib.money import to_decimal
from odoo.addons.mall_leasing.lib.rmb import rmb_upper

__all__ = [
    "MAX_LINES",
    "capital_amount",
    "fen",
    "item_name",
    "line_amounts",
    "qr_payload",
    "split_for_issue",
    "to_decimal",
    "totals",
]

MAX_LINES = 2000


def line_amounts(quantity, price_unit, rate, price_include=False):
    """Return (amount excl. tax, tax, total incl. tax) of one fapiao line as Decimals."""
    quantity, price_unit, rate = to_decimal(quantity), to_decimal(price_unit), to_decimal(rate)
    gross = fen(quantity * price_unit)
    if price_include:
        amount = fen(gross / (1 + rate))
        return amount, gross - amount, gross
    tax = fen(gross * rate)
    return gross, tax, gross + tax


def totals(lines):
    """Sum (amount, tax, total) triples into the header totals hjje, hjse, jshj."""
    amount = sum((fen(line[0]) for line in lines), Decimal(0))
    tax = sum((fen(line[1]) for line in lines), Decimal(0))
    return amount, tax, amount + tax


def capital_amount(value):
    """价税合计大写 (jshjdx): the suite's one reading of amounts in capital numerals, the one
    mall_billing prints on notices — 壹万贰仟叁佰肆拾伍元陆角柒分, 壹佰元整, 负… for red ones."""
    return rmb_upper(fen(value))


def split_for_issue(lines, is_rent=lambda line: False, max_lines=MAX_LINES):
    """Group lines into fapiao: each rent line alone (不动产经营租赁: exactly one line per
    fapiao, docs/fapiao.md §5), the other lines together in chunks of at most ``max_lines``."""
    groups = [[line] for line in lines if is_rent(line)]
    others = [line for line in lines if not is_rent(line)]
    groups += [others[i : i + max_lines] for i in range(0, len(others), max_lines)]
    return groups


def item_name(short_name, name):
    """Printed item name ``*简称*名称`` (e.g. *经营租赁*商铺租金)."""
    return f"*{short_name}*{name}" if short_name else name


def qr_payload(kind, number, amount, issue_date, tail=""):
    """QR content of a 数电 invoice (docs/fapiao.md §8):
    ``01,<31 专票 | 32 普票>,,<20-digit number>,<amount>,<YYYYMMDD>,,<tail>``."""
    code = "31" if kind == "special" else "32"
    day = issue_date.strftime("%Y%m%d") if issue_date else ""
    return f"01,{code},,{number},{fen(amount):.2f},{day},,{tail or number[-4:]}"
