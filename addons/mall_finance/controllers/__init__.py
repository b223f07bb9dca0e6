from . import finance_api
