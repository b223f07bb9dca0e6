"""19.0.1.3.0: a tenant sees its leases (and their lines, fees, rent-free periods) only once
they leave the mall's internal approval, and amendments only once applied. The portal rules are
``noupdate`` data: released here so that the upgrade rewrites them with their state filter
(the loader marks them ``noupdate`` again)."""

PORTAL_RULES = (
    "rule_lease_portal",
    "rule_lease_line_portal",
    "rule_lease_fee_portal",
    "rule_lease_rent_free_portal",
    "rule_lease_amendment_portal",
)


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        "UPDATE ir_model_data SET noupdate = FALSE WHERE module = 'mall_contract' AND name IN %s",
        (PORTAL_RULES,),
    )
