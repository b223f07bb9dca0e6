from . import product_template, res_company, mall_fapiao_line, mall_fapiao, account_move
