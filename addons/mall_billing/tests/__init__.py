from . import (
    test_billing_run,
    test_billing_tour,
    test_charge_type,
    test_payment_idempotent,
    test_payment_reports,
    test_portal_payment,
    test_receivable_schedule,
    test_turnover_rent,
)
