{
    "name": "Mall Renovation",
    "summary": "Fit-out applications, reviews, permits, inspections and acceptance",
    "version": "19.0.1.0.0",
    "category": "Mall Management/Renovation",
    "website": "https://github.com/mall-suite/mall-suite",
    "author": "Mall Suite",
    "maintainers": ["mall-suite"],
    "license": "LGPL-3",
    "depends": ["mall_contract"],
    "data": ["views/menus.xml"],
}
