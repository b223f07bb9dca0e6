from . import test_charge_type, test_late_fee, test_meter, test_meter_reading, test_meter_api
