"""Amounts in Chinese capital numerals (人民币大写), as printed on notices, receipts and fapiao.

Rules (as cashiers write them, 《会计基础工作规范》 art. 52): 元 closes the yuan part, 角 and 分
follow; 整 ends an amount with no 分; a run of zeros inside the number is read as a single 零;
the group units 万 and 亿 are kept even when their group reads zero below a non-zero higher
group (壹亿零伍元).

Why our own and not ``cn2an.an2cn(x, "rmb")`` at run time: cn2an writes no 整 after 角
(壹拾元贰角), which the rules ask for; tests/test_money.py checks that the two agree on every
other digit of thousands of amounts, so the reading is not ours alone."""

from odoo.exceptions import UserError

from .money import round_fen, to_decimal

DIGITS = "零壹贰叁肆伍陆柒捌玖"
SMALL_UNITS = ("", "拾", "佰", "仟")
GROUP_UNITS = ("", "万", "亿", "万亿")
# The largest amount read: 9,999,999,999,999,999.99 (below 亿亿, where the units run out).
LIMIT = 10**16


class AmountOutOfRange(ValueError):
    """An amount too large to be read in capital numerals."""


def _four_digits(number):
    """Capital reading of 0 < number < 10000, with inner zeros collapsed to one 零."""
    text, zero = "", False
    for position in range(3, -1, -1):
        digit = number // 10**position % 10
        if digit:
            if zero and text:
                text += DIGITS[0]
            text += DIGITS[digit] + SMALL_UNITS[position]
            zero = False
        else:
            zero = True
    return text


def _yuan(number):
    if not number:
        return ""
    groups = []
    while number:
        groups.append(number % 10000)
        number //= 10000
    text = ""
    for index in range(len(groups) - 1, -1, -1):
        group = groups[index]
        if not group:
            continue
        # a zero is read when something higher was written and this group (or the gap
        # before it) does not fill its thousands
        if text and (group < 1000 or not groups[index + 1]):
            text += DIGITS[0]
        text += _four_digits(group) + GROUP_UNITS[index]
    return text


def rmb_upper(amount):
    """Capital reading of ``amount`` rounded half up to the fen, e.g. 1234.5 → '壹仟贰佰叁拾肆元
    伍角整'; negative amounts are prefixed with 负. Raises :class:`AmountOutOfRange` (a
    ValueError) past :data:`LIMIT` yuan, and for NaN or infinity."""
    try:
        value = to_decimal(amount)
    except ArithmeticError as exc:
        raise AmountOutOfRange(amount) from exc
    if not value.is_finite() or abs(value) >= LIMIT:
        raise AmountOutOfRange(amount)
    value = round_fen(value)
    prefix = "负" if value < 0 else ""
    fen_total = int(abs(value) * 100)
    yuan, jiao, fen = fen_total // 100, fen_total // 10 % 10, fen_total % 10
    if not fen_total:
        return "零元整"
    text = _yuan(yuan)
    if text:
        text += "元"
    if jiao:
        text += DIGITS[jiao] + "角"
    elif yuan and fen:
        text += DIGITS[0]
    if fen:
        text += DIGITS[fen] + "分"
    else:
        text += "整"
    return prefix + text


def amount_in_words(env, amount):
    """``rmb_upper(amount)`` for a document a user prints: past what can be read, a UserError
    in the user's language instead of a server error."""
    try:
        return rmb_upper(amount)
    except AmountOutOfRange:
        raise UserError(
            env._(
                "The amount %(amount)s cannot be written in capital numerals (大写): it is not a "
                "number or it is too large. Check the amounts of the document before printing it.",
                amount=amount,
            )
        ) from None
