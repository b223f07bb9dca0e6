from . import (
    account_move,
    mall_billing_run,
    mall_billing_run_line,
    mall_charge_type,
    mall_credit_factor,
    mall_demo_generator,
    mall_lease,
    mall_lease_amendment,
    mall_lease_sales,
    mall_receivable,
    res_company,
    res_config_settings,
)
