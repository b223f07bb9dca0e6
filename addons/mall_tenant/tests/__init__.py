from . import (
    test_access,
    test_brand,
    test_company_isolation,
    test_credit_score,
    test_licence_reminder,
    test_licence_request,
    test_migration,
    test_portal,
    test_portal_contacts,
    test_portal_input,
    test_res_partner,
)
