from . import test_deposit, test_deposit_concurrency
