from . import mall_finance_export_wizard
