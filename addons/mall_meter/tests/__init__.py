from . import (
    test_meter,
    test_meter_api,
    test_meter_api_input,
    test_meter_billing,
    test_meter_handover,
    test_meter_lookup,
    test_meter_reading,
    test_meter_reading_lock,
)
