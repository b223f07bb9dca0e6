from . import res_partner
from . import mall_demo_generator
