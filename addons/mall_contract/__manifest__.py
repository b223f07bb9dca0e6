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
}
