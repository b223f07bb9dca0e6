from . import test_finance_export
