from . import meter_api
