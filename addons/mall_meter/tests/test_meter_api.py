import json

from odoo.tests import HttpCase, tagged


class MeterApiCase(HttpCase):
    """The collection system posts with the API key of an integration user of its company."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        cls.other_company = cls.env["res.company"].create({"name": "另一家商业管理有限公司"})
        cls.meter = cls._meter(cls.company, "API", "W-A-001")
        cls.other_meter = cls._meter(cls.other_company, "APB", "W-B-001")
        cls.api_user = cls._integration_user("meter_api", cls.company, "mall_meter.group_meter_api")
        cls.key = cls._api_key(cls.api_user)
        cls.clerk = cls._integration_user("meter_clerk", cls.company, "base.group_user")
        cls.clerk_key = cls._api_key(cls.clerk)

    @classmethod
    def _meter(cls, company, code, meter_code):
        mall = cls.env["mall.mall"].create(
            {"name": f"接口广场{code}", "code": code, "company_id": company.id}
        )
        floor = cls.env["mall.floor"].create({"name": "1F", "level": 1, "mall_id": mall.id})
        unit = cls.env["mall.unit"].create(
            {
                "code": f"{code}-001",
                "mall_id": mall.id,
                "floor_id": floor.id,
                "gross_area": 60,
                "leasable_area": 50,
            }
        )
        return cls.env["mall.meter"].create(
            {"code": meter_code, "kind": "water", "mall_id": mall.id, "unit_id": unit.id}
        )

    @classmethod
    def _integration_user(cls, login, company, group):
        return (
            cls.env["res.users"]
            .with_context(no_reset_password=True)
            .create(
                {
                    "login": login,
                    "name": login,
                    "company_id": company.id,
                    "company_ids": [(6, 0, company.ids)],
                    "group_ids": [(6, 0, [cls.env.ref(group).id])],
                }
            )
        )

    @classmethod
    def _api_key(cls, user):
        return cls.env["res.users.apikeys"].with_user(user).sudo()._generate(None, "抄表系统", None)

    def _post(self, body, key=None, raw=False):
        headers = {"Content-Type": "application/json"}
        if key is not False:
            headers["Authorization"] = f"Bearer {key or self.key}"
        data = body if raw else json.dumps(body)
        return self.url_open("/mall/api/meter_readings", data=data, headers=headers)


@tagged("post_install", "-at_install")
class TestMeterApi(MeterApiCase):
    def test_readings_are_created_as_the_integration_user_with_a_result_per_line(self):
        response = self._post(
            {
                "readings": [
                    {"meter": "W-A-001", "date": "2026-01-01", "value": 10},
                    {"meter": "W-A-001", "date": "2026-02-01", "value": 4},
                    {"meter": "W-X-999", "date": "2026-02-01", "value": 4},
                ]
            }
        )
        self.assertEqual(response.status_code, 200)
        results = response.json()["results"]
        self.assertEqual([r["status"] for r in results], ["valid", "flagged", "error"])
        self.assertEqual(results[2]["line"], 3)
        self.assertEqual(results[2]["message"], "未知表计 W-X-999。")
        self.assertEqual(len(self.meter.reading_ids), 2)
        self.assertEqual(self.meter.reading_ids.create_uid, self.api_user, "never the superuser")

    def test_a_missing_or_wrong_key_is_refused_in_json_and_nothing_is_written(self):
        rows = [{"meter": "W-A-001", "date": "2026-01-01", "value": 1}]
        for key in (False, "wrong"):
            response = self._post(rows, key=key)
            self.assertEqual(response.status_code, 401)
            self.assertIn("API 密钥", response.json()["error"])
        self.assertFalse(self.meter.reading_ids)

    def test_a_key_of_one_company_never_reaches_the_meters_of_another(self):
        response = self._post([{"meter": "W-B-001", "date": "2026-01-01", "value": 1}])
        self.assertEqual(response.json()["results"][0]["status"], "error")
        self.assertFalse(self.other_meter.reading_ids)

    def test_a_key_without_the_meter_api_group_is_refused(self):
        response = self._post(
            [{"meter": "W-A-001", "date": "2026-01-01", "value": 1}], key=self.clerk_key
        )
        self.assertEqual(response.status_code, 403)
        self.assertEqual(response.json()["error"], "此 API 密钥无权提交抄表数据。")
        self.assertFalse(self.meter.reading_ids)

    def test_a_body_that_is_not_a_list_of_readings_is_refused(self):
        response = self._post({"readings": "nope"})
        self.assertEqual(response.status_code, 400)
        self.assertTrue(response.json()["error"])

    def test_a_meter_number_of_several_malls_is_found_with_the_mall_code(self):
        mall = self.env["mall.mall"].create(
            {"name": "接口广场二", "code": "AP2", "company_id": self.company.id}
        )
        floor = self.env["mall.floor"].create({"name": "1F", "level": 1, "mall_id": mall.id})
        unit = self.env["mall.unit"].create(
            {
                "code": "AP2-001",
                "mall_id": mall.id,
                "floor_id": floor.id,
                "gross_area": 60,
                "leasable_area": 50,
            }
        )
        twin = self.env["mall.meter"].create(
            {"code": "W-A-001", "kind": "water", "mall_id": mall.id, "unit_id": unit.id}
        )
        response = self._post([{"meter": "W-A-001", "date": "2026-01-01", "value": 1}])
        self.assertEqual(response.status_code, 200)
        self.assertIn("多个商场", response.json()["results"][0]["message"])
        response = self._post(
            {"mall": "AP2", "readings": [{"meter": "W-A-001", "date": "2026-01-01", "value": 7}]}
        )
        self.assertEqual(response.json()["results"][0]["status"], "valid")
        self.assertEqual(twin.reading_ids.value, 7)
        self.assertFalse(self.meter.reading_ids)
