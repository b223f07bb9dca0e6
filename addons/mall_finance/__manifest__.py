{
    "name": "Mall Finance Interface",
    "summary": "Tenant invoices and payments for an external finance system",
    "version": "19.0.1.0.0",
    "category": "Mall Management/Billing",
    "website": "https://github.com/mall-suite/mall-suite",
    "author": "Mall Suite",
    "maintainers": ["mall-suite"],
    "license": "LGPL-3",
    "depends": ["mall_billing"],
    "data": [
        "security/mall_finance_security.xml",
        "security/ir.model.access.csv",
        "wizard/mall_finance_export_wizard_views.xml",
        "views/menus.xml",
    ],
}
