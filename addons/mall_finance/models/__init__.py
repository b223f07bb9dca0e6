from . import mall_finance_export, res_config_settings
