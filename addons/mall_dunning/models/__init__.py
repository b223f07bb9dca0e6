from . import (
    account_move,
    mall_charge_type,
    mall_dunning,
    mall_dunning_level,
    mall_receivable,
    mall_statement,
    mall_statement_line,
    res_company,
    res_config_settings,
)
