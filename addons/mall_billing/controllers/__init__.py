from . import meter_api
from . import statement_portal
