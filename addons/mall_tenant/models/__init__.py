from . import (
    mall_brand,
    mall_brand_tenancy,
    mall_credit_factor,
    mall_credit_grade,
    mall_credit_score,
    mall_credit_score_line,
    mall_demo_generator,
    mall_licence_request,
    res_partner,
    res_partner_portal,
)
