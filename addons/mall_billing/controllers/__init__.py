from . import api_auth
