{
    "name": "Mall Operations",
    "summary": "Mall analytics, campaigns, tenant sales and interfaces",
    "version": "19.0.1.0.0",
    "category": "Mall Management/Operations",
    "website": "https://github.com/mall-suite/mall-suite",
    "author": "Mall Suite",
    "maintainers": ["mall-suite"],
    "license": "LGPL-3",
    "depends": ["mall_einvoice", "mall_renovation", "mall_helpdesk", "event"],
    "data": ["views/menus.xml"],
    "assets": {
        "web.assets_tests": ["mall_operations/static/tests/tours/*.js"],
    },
}
