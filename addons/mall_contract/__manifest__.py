{
    "name": "Mall Contracts",
    "summary": "Leases from template to signature to renewal",
    "version": "19.0.1.0.0",
    "category": "Mall Management/Contracts",
    "website": "https://github.com/mall-suite/mall-suite",
    "author": "Mall Suite",
    "maintainers": ["mall-suite"],
    "license": "LGPL-3",
    "depends": ["mall_tenant", "sign_oca"],
    "data": ["views/menus.xml"],
    "assets": {
        # sign_oca 19.0.1.0.0 ships its test tour in the pre-17 `odoo.define` form, which
        # Odoo 19 cannot load: it breaks the whole test bundle and so every tour.
        "web.assets_tests": [("remove", "sign_oca/static/src/tests/sign_tour.esm.js")],
    },
}
