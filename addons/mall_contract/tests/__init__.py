from . import (
    test_lease_access,
    test_lease_company,
    test_lease_lifecycle,
    test_lease_overlap,
    test_lease_portal_privacy,
    test_lease_signature,
    test_lease_terms,
    test_lease_text,
    test_lease_tour,
    test_lease_workflow,
)
