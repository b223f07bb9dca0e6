import json

from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestMeterApi(HttpCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        mall = cls.env["mall.mall"].create({"name": "接口广场", "code": "API"})
        floor = cls.env["mall.floor"].create({"name": "1F", "level": 1, "mall_id": mall.id})
        unit = cls.env["mall.unit"].create({
            "code": "A-001", "mall_id": mall.id, "floor_id": floor.id, "gross_area": 60,
            "leasable_area": 50})
        cls.meter = cls.env["mall.meter"].create({
            "code": "W-A-001", "kind": "water", "mall_id": mall.id, "unit_id": unit.id})
        cls.env["ir.config_parameter"].sudo().set_param(
            "mall_billing.meter_api_token", "s3cret-token")

    def _post(self, body, token="s3cret-token"):
        return self.url_open(
            "/mall/api/meter_readings", data=json.dumps(body),
            headers={"Content-Type": "application/json", "Authorization": f"Bearer {token}"})

    def test_readings_are_created_with_a_result_per_line(self):
        response = self._post({"readings": [
            {"meter": "W-A-001", "date": "2026-01-01", "value": 10},
            {"meter": "W-A-001", "date": "2026-02-01", "value": 4},
            {"meter": "W-X-999", "date": "2026-02-01", "value": 4},
        ]})
        self.assertEqual(response.status_code, 200)
        results = response.json()["results"]
        self.assertEqual([r["status"] for r in results], ["valid", "flagged", "error"])
        self.assertEqual(results[2]["line"], 3)
        self.assertEqual(len(self.meter.reading_ids), 2)

    def test_a_wrong_token_is_refused_and_nothing_is_written(self):
        response = self._post([{"meter": "W-A-001", "date": "2026-01-01", "value": 1}],
                              token="wrong")
        self.assertEqual(response.status_code, 401)
        self.assertFalse(self.meter.reading_ids)

    def test_a_body_that_is_not_a_list_of_readings_is_refused(self):
        response = self._post({"readings": "nope"})
        self.assertEqual(response.status_code, 400)
