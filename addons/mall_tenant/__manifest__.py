{
    "name": "Mall Tenants",
    "summary": "Tenant records, business licences, brands and credit grades",
    "version": "19.0.1.0.0",
    "category": "Mall Management/Tenants",
    "website": "https://github.com/mall-suite/mall-suite",
    "author": "Mall Suite",
    "maintainers": ["mall-suite"],
    "license": "LGPL-3",
    "depends": ["mall_leasing", "portal"],
    "data": ["views/res_partner_views.xml", "views/menus.xml"],
}
