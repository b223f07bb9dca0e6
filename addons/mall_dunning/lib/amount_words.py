"""Amounts in capital numerals on the printed notices, statements and letters: past what
``rmb_upper`` can read, a message the user understands instead of a server error."""

from odoo.addons.mall_leasing.lib.rmb import AmountOutOfRange, rmb_upper
from odoo.exceptions import UserError


def amount_in_words(env, amount):
    """``rmb_upper(amount)``, raising a UserError (translated in the user's language) when the
    amount cannot be read in capital numerals."""
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

