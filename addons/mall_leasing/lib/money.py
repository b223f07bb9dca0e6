"""Money, exact to the fen: the suite's one rounding rule.

Every amount a tenant, an accountant or the tax bureau sees is rounded **half up** (四舍五入) to
the fen, as people, banks and tax offices in China do: 0.005 → 0.01, 2.675 → 2.68. Python's
``round()`` and Odoo's ``float_round`` on binary floats do not guarantee that (``round(2.675,
2)`` is 2.67; Decimal's default is half-even), so no addon rounds money any other way than
through this module. Floats are taken by their shortest decimal text (``str``), so 0.1 stays
0.1."""

from decimal import ROUND_HALF_UP, Decimal

FEN = Decimal("0.01")
# Steps an amount can be rounded to; the fen (分) is the default of every charge.
STEPS = {"fen": FEN, "jiao": Decimal("0.1"), "yuan": Decimal("1")}


def to_decimal(value):
    """A float, int, str or Decimal as an exact Decimal (floats through their shortest repr)."""
    return value if isinstance(value, Decimal) else Decimal(str(value or 0))


def round_fen(value, step="fen"):
    """``value`` rounded half up to the fen (or to the jiao / yuan ``step``), as a Decimal."""
    return to_decimal(value).quantize(STEPS[step], rounding=ROUND_HALF_UP)


def round_money(value, step="fen"):
    """Like :func:`round_fen`, as a float for Monetary fields and invoice lines."""
    return float(round_fen(value, step))


def split_by_weight(total, weights):
    """Split ``total`` into parts proportional to ``weights``, each rounded half up to the fen;
    what rounding leaves over goes to the largest part, so the parts add up to the total
    exactly (公摊, pro-rating). Returns floats in the order of ``weights``."""
    total = round_fen(total)
    weights = [to_decimal(w) for w in weights]
    whole = sum(weights)
    if not weights or whole <= 0:
        return [0.0] * len(weights)
    parts = [round_fen(total * w / whole) for w in weights]
    largest = max(range(len(weights)), key=lambda i: (weights[i], -i))
    parts[largest] += total - sum(parts)
    return [float(part) for part in parts]
