from . import (
    test_amount_words,
    test_dunning,
    test_dunning_batches,
    test_late_fee,
    test_late_fee_accrual,
    test_payment_notice,
    test_statement,
)
