from . import (
    mall_building,
    mall_category,
    mall_demo_generator,
    mall_floor,
    mall_mall,
    mall_rent_schedule,
    mall_rent_standard,
    mall_unit,
    mall_unit_state_history,
    mall_unit_tag,
)
