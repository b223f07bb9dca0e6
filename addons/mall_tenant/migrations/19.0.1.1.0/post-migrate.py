"""19.0.1.1.0: the brand moved from a text field on the tenant (res_partner.mall_brand) to
mall.brand records with a history of the tenants operating them."""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    if not version:
        return
    cr.execute("""SELECT 1 FROM information_schema.columns
                  WHERE table_name = 'res_partner' AND column_name = 'mall_brand'""")
    if not cr.fetchone():
        return
    cr.execute("""SELECT id, trim(mall_brand), mall_category_id, company_id, create_date::date
                  FROM res_partner
                  WHERE mall_brand IS NOT NULL AND trim(mall_brand) != ''
                  ORDER BY id""")
    rows = cr.fetchall()
    env = api.Environment(cr, SUPERUSER_ID, {})
    brands = {}
    for _partner_id, name, category_id, company_id, _since in rows:
        # one brand per name and company, as the brand's unique index wants
        brands.setdefault(
            (name.lower(), company_id),
            {"name": name, "category_id": category_id, "company_id": company_id},
        )
    keys = list(brands)
    records = (
        env["mall.brand"].with_context(tracking_disable=True).create([brands[key] for key in keys])
    )
    by_key = dict(zip(keys, records, strict=True))
    env["mall.brand.tenancy"].create(
        [
            {
                "brand_id": by_key[(name.lower(), company_id)].id,
                "partner_id": partner_id,
                "date_start": since,
            }
            for partner_id, name, _category_id, company_id, since in rows
        ]
    )
    cr.execute("ALTER TABLE res_partner DROP COLUMN mall_brand")
