from . import account_move, mall_lease
