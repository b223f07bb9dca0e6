from . import (
    test_dunning,
    test_late_fee,
    test_late_fee_accrual,
    test_payment_notice,
    test_statement,
)
