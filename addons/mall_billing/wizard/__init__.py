from . import (
    mall_deposit_offset_wizard,
    mall_deposit_refund_wizard,
    mall_finance_export_wizard,
    mall_lease_terminate_wizard,
    mall_meter_reading_import,
)
