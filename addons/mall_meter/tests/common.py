from odoo.addons.mall_billing.tests.common import BillingCase, ReceivableCase


class MeterMixin:
    """An electricity meter on the first unit, and readings on the first of the months."""

    @classmethod
    def _setup_meter(cls):
        cls.meter = cls.env["mall.meter"].create(
            {
                "code": "E-B-001",
                "kind": "electricity",
                "mall_id": cls.mall.id,
                "unit_id": cls.units[0].id,
                "multiplier": 2.0,
                "unit_price": 1.05,
            }
        )

    def _readings(self, meter, values, start_month=1):
        return self.env["mall.meter.reading"].create(
            [
                {"meter_id": meter.id, "date": f"2026-{start_month + i:02d}-01", "value": value}
                for i, value in enumerate(values)
            ]
        )


class MeterCase(MeterMixin, BillingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_meter()


class MeterReceivableCase(MeterMixin, ReceivableCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_meter()
