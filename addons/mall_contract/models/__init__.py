# The mixin first: the lease line, rent-free, fee and turnover band models inherit it. The lease
# itself (mall_lease) before the files that extend it, one concern each.
from . import mall_lease_term_mixin
from . import mall_lease
from . import (
    mall_lease_expiry,
    mall_lease_overlap,
    mall_lease_renewal,
    mall_lease_rent,
    mall_lease_signature,
    mall_lease_termination,
    mall_lease_text,
    mall_lease_turnover,
    mall_lease_unit_state,
    mall_lease_workflow,
)
from . import (
    ir_attachment,
    mall_credit_factor,
    mall_demo_generator,
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
