from . import mall_arrears_aging_report, mall_receivable_report, mall_rent_roll_report
