from . import (
    test_charge_type,
    test_deposit,
    test_finance_export,
    test_late_fee,
    test_meter,
    test_meter_api,
    test_meter_reading,
    test_payment_reports,
    test_portal_payment,
)
