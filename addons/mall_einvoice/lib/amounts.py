"""Fapiao arithmetic, exact to the fen and free of the ORM so that it can be proven alone.

Rules (fapiao.md §3): amounts and tax carry 2 decimals, rounded half up as the bureau does.
- price excluding tax: amount = round(qty × price), tax = round(amount × rate),
  total = amount + tax;
- price including tax: total = round(qty × price), amount = round(total / (1 + rate)),
  tax = total − amount, so that amount + tax is always exactly what the tenant was billed.
Totals are the sums of the rounded lines, never a recomputation of the sum.
"""

from decimal import ROUND_HALF_UP, Decimal

FEN = Decimal("0.01")
MAX_LINES = 2000

_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_UNITS = ("仟", "佰", "拾", "")
_SECTIONS = ("", "万", "亿", "万亿")


def to_decimal(value):
    """Decimal from a float, int, str or Decimal, through its shortest repr (no binary noise)."""
    if isinstance(value, Decimal):
        return value
    return Decimal(str(value))


def fen(value):
    """Round half up to the fen."""
    return to_decimal(value).quantize(FEN, rounding=ROUND_HALF_UP)


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


def _group_to_capital(group):
    """Four digits (1..9999) in capital numerals, zeros collapsed, no leading zero."""
    text, pending_zero = "", False
    for unit, digit in zip(_UNITS, f"{group:04d}", strict=True):
        digit = int(digit)
        if not digit:
            pending_zero = bool(text)
            continue
        if pending_zero:
            text += "零"
        text += _DIGITS[digit] + unit
        pending_zero = False
    return text


def _integer_to_capital(number):
    groups = []
    while number:
        groups.append(number % 10000)
        number //= 10000
    text, pending_zero = "", False
    for index in range(len(groups) - 1, -1, -1):
        group = groups[index]
        if not group:
            pending_zero = bool(text)
            continue
        if text and (pending_zero or group < 1000):
            text += "零"
        text += _group_to_capital(group) + _SECTIONS[index]
        pending_zero = False
    return text


def capital_amount(value):
    """价税合计大写 (jshjdx): 壹万贰仟叁佰肆拾伍元陆角柒分, 壹佰元整, 零元整, 负… for red ones.

    整 follows 元 only (a total ending in 角 takes none, as the payment rules allow), and a
    missing 角 between 元 and 分 is read as 零.
    """
    value = fen(value)
    prefix = "负" if value < 0 else ""
    cents = int(abs(value) * 100)
    yuan, jiao, cent = cents // 100, cents // 10 % 10, cents % 10
    if not cents:
        return "零元整"
    text = _integer_to_capital(yuan)
    if yuan:
        text += "元"
    if not jiao and not cent:
        return prefix + text + "整"
    if jiao:
        text += _DIGITS[jiao] + "角"
    elif yuan:
        text += "零"
    if cent:
        text += _DIGITS[cent] + "分"
    return prefix + text


def split_for_issue(lines, is_rent=lambda line: False, max_lines=MAX_LINES):
    """Group lines into fapiao: each rent line alone (不动产经营租赁: exactly one line per
    fapiao, §5), the other lines together in chunks of at most ``max_lines``."""
    groups = [[line] for line in lines if is_rent(line)]
    others = [line for line in lines if not is_rent(line)]
    groups += [others[i : i + max_lines] for i in range(0, len(others), max_lines)]
    return groups


def item_name(short_name, name):
    """Printed item name ``*简称*名称`` (e.g. *经营租赁*商铺租金)."""
    return f"*{short_name}*{name}" if short_name else name


def qr_payload(kind, number, amount, issue_date, tail=""):
    """QR content of a 数电 invoice (fapiao.md §8):
    ``01,<31 专票 | 32 普票>,,<20-digit number>,<amount>,<YYYYMMDD>,,<tail>``."""
    code = "31" if kind == "special" else "32"
    day = issue_date.strftime("%Y%m%d") if issue_date else ""
    return f"01,{code},,{number},{fen(amount):.2f},{day},,{tail or number[-4:]}"
