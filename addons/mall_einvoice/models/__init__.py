from . import (
    res_company,
    res_partner,
    mall_charge_type,
    mall_mall,
    mall_fapiao_line,
    mall_fapiao,
    mall_fapiao_red_form_line,
    mall_fapiao_red_form,
    mall_fapiao_report,
    account_move,
)
