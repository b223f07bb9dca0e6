{
    "name": "Mall E-Invoicing (Fapiao)",
    "summary": "数电发票 issued from Odoo invoices through provider adapters",
    "version": "19.0.1.1.0",
    "category": "Mall Management/Billing",
    "website": "https://github.com/mall-suite/mall-suite",
    "author": "Mall Suite",
    "maintainers": ["mall-suite"],
    "license": "LGPL-3",
    "depends": ["mall_billing", "portal", "queue_job"],
    "external_dependencies": {"python": ["requests"]},
    "data": [
        "security/ir.model.access.csv",
        "security/mall_einvoice_security.xml",
        "data/mall_fapiao_data.xml",
        "data/queue_job_data.xml",
        "data/mail_template_data.xml",
        "report/mall_fapiao_report.xml",
        "views/mall_fapiao_views.xml",
        "views/account_move_views.xml",
        "views/portal_templates.xml",
        "views/menus.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "mall_einvoice/static/tests/tours/*.js",
        ],
    },
}
