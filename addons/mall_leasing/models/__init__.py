from . import mall_category
from . import mall_mall
from . import mall_floor
from . import mall_unit
from . import mall_demo_generator
