from . import test_charge_type, test_late_fee, test_meter, test_meter_reading, test_meter_api
from . import (
    test_dunning,
    test_late_fee_accrual,
    test_payment_notice,
    test_sms_gateway,
    test_statement,
)
