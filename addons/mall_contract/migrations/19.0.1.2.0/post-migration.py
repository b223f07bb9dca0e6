"""19.0.1.2.0: contract texts are QWeb, rendered by Odoo's own engine, instead of the former
hand-made ``{{placeholder}}`` replacement. The texts of the templates and of every lease (their
own copies, edited per lease) get the placeholders in the new syntax; a lease already signed
keeps its archived PDF, which does not change."""

from odoo.tools import SQL

# Former placeholder → the QWeb expression that writes the same text.
PLACEHOLDERS = {
    "lease": "object.name",
    "tenant": "object.tenant_id.name",
    "tenant_uscc": "object.tenant_id.mall_uscc",
    "tenant_signatory": "object.tenant_contact_id.name",
    "landlord": "object.company_id.name",
    "mall": "object.mall_id.name",
    "units": "object.contract_units",
    "area": "object.contract_area",
    "monthly_rent": "object.contract_monthly_rent",
    "total_rent": "object.contract_total_rent",
    "date_start": "object.date_start",
    "date_end": "object.date_end",
    "date_handover": "object.date_handover",
    "date_opening": "object.date_opening",
    "rent_mode": "object.contract_rent_mode",
    "turnover_rate": "object.contract_turnover_rate",
    "escalation_rate": "object.contract_escalation_rate",
    "payment_cycle": "object.contract_payment_cycle",
    "payment_timing": "object.contract_payment_timing",
    "due_day": "object.due_day",
    "deposit_lease": "object.contract_deposit_lease",
    "deposit_renovation": "object.contract_deposit_renovation",
    "deposit_quality": "object.contract_deposit_quality",
    "late_fee_rate": "object.contract_late_fee_rate",
    "late_fee_cap": "object.contract_late_fee_cap",
}
# Dates were written "-" when empty: the QWeb default text keeps that.
EMPTY_AS_DASH = {"date_start", "date_end", "date_handover", "date_opening"}


def replacement(key):
    expression = PLACEHOLDERS[key]
    if key in EMPTY_AS_DASH:
        return f'<t t-out="{expression}">-</t>'
    return f'<t t-out="{expression}"/>'


def migrate(cr, version):
    for table in ("mall_lease_template", "mall_lease"):
        for key in PLACEHOLDERS:
            for written in ("{{%s}}" % key, "{{ %s }}" % key):
                cr.execute(
                    SQL(
                        "UPDATE %s SET body = replace(body, %s, %s) WHERE body LIKE %s",
                        SQL.identifier(table),
                        written,
                        replacement(key),
                        f"%{written}%",
                    )
                )
