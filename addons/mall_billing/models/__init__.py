from . import (
    account_move,
    mall_charge_type,
    mall_credit_factor,
    mall_demo_generator,
    mall_finance_export,
    mall_lease,
    mall_meter,
    mall_meter_reading,
    mall_receivable,
    res_config_settings,
)
