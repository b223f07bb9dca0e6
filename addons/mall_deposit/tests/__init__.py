from . import test_deposit, test_deposit_concurrency, test_deposit_receipt
