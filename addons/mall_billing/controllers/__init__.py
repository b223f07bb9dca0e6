from . import api_auth, finance_api, meter_api, statement_portal
