from . import (
    mall_charge_type,
    mall_demo_generator,
    mall_meter,
    mall_meter_reading,
    res_config_settings,
)
