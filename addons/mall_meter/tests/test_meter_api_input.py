import json
import random

from odoo.tests import tagged

from .test_meter_api import MeterApiCase

GOOD = {"meter": "W-A-001", "date": "2026-01-01", "value": 10}


@tagged("post_install", "-at_install")
class TestMeterApiInput(MeterApiCase):
    """Malformed input is answered by a 4xx JSON error in Chinese, and nothing is written."""

    def _written(self):
        meters = self.meter | self.other_meter
        return self.env["mall.meter.reading"].search([("meter_id", "in", meters.ids)])

    def _refused(self, response, status=400, needle=None):
        self.assertEqual(response.status_code, status, response.text[:300])
        body = response.json()
        self.assertTrue(any("\u4e00" <= ch <= "\u9fff" for ch in body["error"]), body)
        if needle:
            self.assertIn(needle, json.dumps(body, ensure_ascii=False))
        self.assertFalse(self._written(), "nothing written")
        return body

    def test_non_finite_numbers_are_refused(self):
        for literal in ("NaN", "Infinity", "-Infinity", "1e309"):
            body = f'[{{"meter": "W-A-001", "date": "2026-01-01", "value": {literal}}}]'
            self._refused(self._post(body, raw=True), needle="JSON")

    def test_negative_text_and_wrongly_typed_values_are_refused_by_line(self):
        for value, needle in (
            (-5, "负数"),
            ("十二", "数字"),
            ("nan", "数字"),
            ("1e309", "数字"),
            (True, "数字"),
            ([1], "数字"),
            ({"v": 1}, "数字"),
            (None, "数字"),
            (1e11, "过大"),
        ):
            body = self._refused(
                self._post([GOOD, {**GOOD, "date": "2026-02-01", "value": value}]), needle=needle
            )
            self.assertEqual([r["line"] for r in body["results"]], [2], value)

    def test_wrong_dates_meters_and_shapes_are_refused(self):
        for row in (
            {**GOOD, "date": 20260101},
            {**GOOD, "date": "01/01/2026"},
            {**GOOD, "date": ["2026-01-01"]},
            {**GOOD, "meter": ["W-A-001"]},
            {**GOOD, "meter": {"code": "W-A-001"}},
            {**GOOD, "meter": "W" * 500},
            {**GOOD, "mall": 1.5},
            {"date": "2026-01-01", "value": 1},
        ):
            self._refused(self._post([row]))
        for body in ({"readings": [[GOOD]]}, {"mall": ["API"], "readings": [GOOD]}, 42, "x"):
            self._refused(self._post(body))

    def test_nested_and_invalid_json_is_refused(self):
        self._refused(self._post("[" * 100000 + "]" * 100000, raw=True), needle="JSON")
        self._refused(self._post('{"readings": [', raw=True), needle="JSON")
        self._refused(self._post(b"\xff\xfe\x00", raw=True), needle="JSON")

    def test_a_huge_body_is_refused_before_it_is_parsed(self):
        rows = [{**GOOD, "meter": "W-A-001" + "x" * 50}] * 20000
        body = self._refused(self._post(rows), status=413)
        self.assertIn("KB", body["error"])

    def test_random_malformed_bodies_never_answer_a_server_error(self):
        rng = random.Random(13)
        atoms = [
            "NaN",
            "Infinity",
            "1e309",
            "-1",
            "null",
            "true",
            '"x"',
            "[]",
            "{}",
            '"2026-01-01"',
            '"W-A-001"',
            "0",
            "1.5",
            '"\\ud800"',
            "[[[[",
            "}}",
            ",",
            ":",
        ]
        keys = ['"meter"', '"date"', '"value"', '"mall"', '"readings"', '"x"']
        for _i in range(200):
            kind = rng.random()
            if kind < 0.4:
                body = "".join(rng.choice(atoms + keys) for _j in range(rng.randint(1, 12)))
            else:
                pairs = ", ".join(
                    f"{rng.choice(keys)}: {rng.choice(atoms)}" for _j in range(rng.randint(0, 5))
                )
                body = f"[{{{pairs}}}]" if kind < 0.8 else f'{{"readings": [{{{pairs}}}]}}'
            response = self._post(body, raw=True)
            self.assertLess(response.status_code, 500, body)
            self.assertIn(response.status_code, (200, 400), body)
            self.assertIsInstance(response.json(), dict, body)
        self.assertFalse(self._written(), "nothing written")
