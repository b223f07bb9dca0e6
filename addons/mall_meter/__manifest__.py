{
    "name": "Mall Meters",
    "summary": "Meters, readings, common-area sharing (公摊) and metered billing",
    "version": "19.0.1.0.0",
    "category": "Mall Management/Billing",
    "website": "https://github.com/mall-suite/mall-suite",
    "author": "Mall Suite",
    "maintainers": ["mall-suite"],
    "license": "LGPL-3",
    "depends": ["mall_billing"],
    "data": [
        "security/mall_meter_security.xml",
        "security/ir.model.access.csv",
        "views/mall_meter_views.xml",
        "views/mall_meter_reading_views.xml",
        "views/mall_receivable_views.xml",
        "views/menus.xml",
    ],
}
