from . import test_menu
from . import test_json_routes_fuzz
