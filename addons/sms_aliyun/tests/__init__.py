from . import test_sms_aliyun_report, test_sms_aliyun_send
