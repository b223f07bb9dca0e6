{
    "name": "Mall Billing",
    "summary": "Charges, receivable schedule, billing run, notices, late fees and deposits",
    "version": "19.0.1.0.0",
    "category": "Mall Management/Billing",
    "website": "https://github.com/mall-suite/mall-suite",
    "author": "Mall Suite",
    "maintainers": ["mall-suite"],
    "license": "LGPL-3",
    "depends": ["mall_contract", "account", "payment", "sms"],
    "data": ["views/menus.xml"],
}
