from . import mall_meter_reading_import
