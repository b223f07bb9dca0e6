from . import (
    mall_billing_run,
    mall_demo_generator,
    mall_meter,
    mall_meter_reading,
    mall_meter_reading_billing,
    mall_meter_reading_correction,
    mall_receivable,
)
