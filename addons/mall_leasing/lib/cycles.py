"""Billing and payment cycles: the one list the suite uses for a lease's payment cycle, a fee's
billing cycle and a charge type's cycle (charge types add their own non-periodic entries). Plain
labels: Odoo translates selection labels per field."""

CYCLES = [
    ("monthly", "Monthly"),
    ("quarterly", "Quarterly"),
    ("semiannual", "Half-yearly"),
    ("yearly", "Yearly"),
]
# How many months each periodic cycle spans.
CYCLE_MONTHS = {"monthly": 1, "quarterly": 3, "semiannual": 6, "yearly": 12}
