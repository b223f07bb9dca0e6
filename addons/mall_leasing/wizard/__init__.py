from . import (
    mall_rent_adjust_wizard,
    mall_rent_calculator,
    mall_unit_merge_wizard,
    mall_unit_split_wizard,
    mall_unit_state_wizard,
)
