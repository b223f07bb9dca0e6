{
    "name": "Mall Contracts",
    "summary": "Leases from template to signature to renewal",
    "version": "19.0.1.3.0",
    "category": "Mall Management/Contracts",
    "website": "https://github.com/mall-suite/mall-suite",
    "author": "Mall Suite",
    "maintainers": ["mall-suite"],
    "license": "LGPL-3",
    "depends": ["mall_tenant", "sign_oca", "portal", "mail"],
    "data": [
        "security/mall_contract_security.xml",
        "security/ir.model.access.csv",
        "data/mall_contract_data.xml",
        "data/mall_lease_template_data.xml",
        "report/mall_lease_report.xml",
        "views/mall_lease_templates.xml",
        "views/mall_lease_views.xml",
        "views/portal_templates.xml",
        "views/res_config_settings_views.xml",
        "views/menus.xml",
    ],
    "assets": {
        # sign_oca 19.0.1.0.0 ships its test tour in the pre-17 `odoo.define` form, which
        # Odoo 19 cannot load: it breaks the whole test bundle and so every tour.
        "web.assets_tests": [
            ("remove", "sign_oca/static/src/tests/sign_tour.esm.js"),
            "mall_contract/static/tests/tours/*.js",
        ],
    },
}
