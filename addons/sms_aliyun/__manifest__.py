{
    "name": "Aliyun SMS",
    "summary": "Send SMS through Aliyun SMS (阿里云短信服务), with delivery reports",
    "version": "19.0.1.0.0",
    "category": "Hidden/Tools",
    "website": "https://github.com/mall-suite/mall-suite",
    "author": "Mall Suite",
    "maintainers": ["mall-suite"],
    "license": "LGPL-3",
    "depends": ["sms"],
    "data": [
        "views/res_config_settings_views.xml",
        "views/sms_sms_views.xml",
    ],
}
