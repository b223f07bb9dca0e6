{
    "name": "Mall Repairs",
    "summary": "Repair requests from tenants and shoppers, dispatch and service ratings",
    "version": "19.0.1.0.0",
    "category": "Mall Management/Helpdesk",
    "website": "https://github.com/mall-suite/mall-suite",
    "author": "Mall Suite",
    "maintainers": ["mall-suite"],
    "license": "LGPL-3",
    "depends": ["mall_contract", "helpdesk_mgmt"],
    "data": ["views/menus.xml"],
}
