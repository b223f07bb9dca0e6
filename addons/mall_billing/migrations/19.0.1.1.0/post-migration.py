"""The charge types ship as noupdate data: an upgrade does not reload them, so the mapping of
lease terms (rent, fee types, deposits) onto them is set here, where finance left it empty."""

from odoo import SUPERUSER_ID, api

TERMS = {
    "charge_type_rent": "rent",
    "charge_type_property": "property",
    "charge_type_marketing": "marketing",
    "charge_type_air_conditioning": "air_conditioning",
    "charge_type_other": "other",
    "charge_type_deposit_lease": "deposit_lease",
    "charge_type_deposit_renovation": "deposit_renovation",
    "charge_type_deposit_quality": "deposit_quality",
}


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    for xmlid, term in TERMS.items():
        charge = env.ref(f"mall_billing.{xmlid}", raise_if_not_found=False)
        if charge and not charge.lease_term:
            charge.lease_term = term
