from . import mall_deposit_ledger
