from . import mall_meter_reading_import
from . import mall_meter_reading_correction
