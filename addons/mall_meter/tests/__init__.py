from . import (
    test_meter,
    test_meter_api,
    test_meter_billing,
    test_meter_reading,
)
