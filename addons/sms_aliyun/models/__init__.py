from . import res_company, res_config_settings, sms_composer, sms_sms, sms_tracker
