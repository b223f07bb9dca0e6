# The mixin first: the lease line, rent-free, fee and turnover band models inherit it.
from . import mall_lease_term_mixin
from . import (
    ir_attachment,
    mall_credit_factor,
    mall_demo_generator,
    mall_lease,
    mall_lease_amendment,
    mall_lease_breach,
    mall_lease_fee,
    mall_lease_line,
    mall_lease_reminder,
    mall_lease_rent_free,
    mall_lease_template,
    mall_lease_turnover_band,
    mall_unit,
    res_company,
    res_config_settings,
    sign_oca_request,
)
