"""Every JSON route of the suite (issue 13, item 5): a few hundred deterministic-random malformed
bodies — invalid JSON, deep nesting, huge strings and arrays, NaN/Infinity/1e309, wrong types,
empty, binary, non-UTF-8 — posted with and without a valid key. No answer is a server error and
no row is written.

The routes are taken from Odoo's routing map, not listed by hand: every route of a mall addon or
of sms_aliyun whose type is JSON, that authenticates with an API key (``auth="bearer"``), or
that is one of the pushes that take a JSON body (the fapiao callback, the SMS delivery report).
A new route of that kind is fuzzed without anyone adding it here."""

import json
import random
import re
import threading
import time
from unittest.mock import patch

from odoo.addons.mall_einvoice.controllers.main import SECRET_HEADER, SIGNATURE_HEADER, signature
from odoo.tests import HttpCase, tagged

SEED = 13
BODIES_PER_ROUTE = 60
PUSH_ROUTES = {"/mall_einvoice/callback/<int:company_id>", "/sms_aliyun/report"}
WRITTEN_MODELS = (
    "mall.meter.reading",
    "mall.fapiao",
    "sms.sms",
    "sms.tracker",
    "account.move",
    "account.payment",
)
CALLBACK_SECRET = "回调密钥-fuzz"


def _nested(depth, rng):
    if rng.random() < 0.5:
        return "[" * depth + "]" * depth
    return '{"a":' * depth + "1" + "}" * depth


def _bad_number(rng):
    return rng.choice(["NaN", "Infinity", "-Infinity", "1e309", "-1e309", "1" * 400, "0x10"])


def _row(rng, meter_code):
    """A meter-reading-like row with one of its three values wrong."""
    row = {"meter": meter_code, "date": "2026-01-31", "value": 12}
    row[rng.choice(list(row))] = rng.choice(
        [None, [], {}, [1, 2], {"a": 1}, "abc", -5, True, "x" * 5000, "2026-13-45", "\u0000"]
    )
    return row


def bodies(rng, count, meter_code):
    """``count`` (content type, body bytes) pairs, each malformed in one way or another."""
    makers = [
        lambda: rng.choice([b"{", b"[1,", b'{"readings": [', b"}{", b"'single'", b"[1 2]"]),
        lambda: _nested(1000, rng).encode(),
        lambda: _nested(rng.choice([5000, 50000]), rng).encode(),
        lambda: json.dumps("x" * rng.choice([100_000, 1_000_000])).encode(),
        lambda: json.dumps({"readings": "y" * 200_000, "orderNo": "z" * 200_000}).encode(),
        lambda: (
            f'[{{"meter": "{meter_code}", "date": "2026-01-31", "value": {_bad_number(rng)}}}]'
        ).encode(),
        lambda: f'{{"readings": [{_bad_number(rng)}], "orderNo": {_bad_number(rng)}}}'.encode(),
        lambda: json.dumps(rng.choice([None, True, 0, -1, "text", 1.5, [], {}])).encode(),
        lambda: json.dumps(
            rng.choice(
                [
                    {"readings": [_row(rng, meter_code) for _i in range(rng.randint(1, 5))]},
                    [_row(rng, meter_code) for _i in range(rng.randint(1, 5))],
                    [{"out_id": [], "biz_id": {}, "success": "yes"}],
                    [{"out_id": "x" * 300, "biz_id": None}],
                    {"orderNo": ["list"], "content": {"a": 1}},
                ]
            )
        ).encode(),
        lambda: b"",
        lambda: bytes(rng.getrandbits(8) for _i in range(rng.randint(1, 2000))),
        lambda: rng.choice([b'{"meter": "\xff\xfe"}', b"\xc3\x28", b'["\xed\xa0\x80"]']),
        lambda: json.dumps([rng.choice([0, "a", None, {}]) for _i in range(50_000)]).encode(),
        lambda: json.dumps([{} for _i in range(2_000)]).encode(),
    ]
    types = ["application/json", "application/json", "text/plain", None]
    out = []
    for index in range(count):
        body = makers[index % len(makers)]()
        if rng.random() < 0.15:
            # a form post, the fapiao provider's way: the malformed JSON in a field
            body = b"content=" + body[:200_000].replace(b"&", b"%26")
            out.append(("application/x-www-form-urlencoded", body))
        else:
            out.append((rng.choice(types), body))
    return out


@tagged("post_install", "-at_install")
class TestJsonRoutesFuzz(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        cls.company.sudo().mall_fapiao_callback_secret = CALLBACK_SECRET
        mall = cls.env["mall.mall"].create(
            {"name": "模糊测试广场", "code": "FZ", "company_id": cls.company.id}
        )
        floor = cls.env["mall.floor"].create({"name": "1F", "level": 1, "mall_id": mall.id})
        unit = cls.env["mall.unit"].create(
            {
                "code": "FZ-001",
                "mall_id": mall.id,
                "floor_id": floor.id,
                "gross_area": 60,
                "leasable_area": 50,
            }
        )
        cls.meter = cls.env["mall.meter"].create(
            {"code": "FZ-W-001", "kind": "water", "mall_id": mall.id, "unit_id": unit.id}
        )
        cls.keys = [
            cls._api_key(cls._integration_user("fuzz_meter", "mall_meter.group_meter_api")),
            cls._api_key(cls._integration_user("fuzz_finance", "mall_finance.group_finance_api")),
        ]

    @classmethod
    def _integration_user(cls, login, group):
        users = cls.env["res.users"].with_context(no_reset_password=True)
        return users.create(
            {
                "login": login,
                "name": login,
                "company_id": cls.company.id,
                "company_ids": [(6, 0, cls.company.ids)],
                "group_ids": [(6, 0, [cls.env.ref(group).id])],
            }
        )

    @classmethod
    def _api_key(cls, user):
        return cls.env["res.users.apikeys"].with_user(user).sudo()._generate(None, "模糊测试", None)

    def _json_routes(self):
        """{url rule: routing} of the suite's JSON routes, from Odoo's routing map."""
        routes = {}
        # the map is built for the thread's database, as in a request
        thread = threading.current_thread()
        with patch.object(thread, "dbname", self.env.cr.dbname, create=True):
            routing_map = self.env["ir.http"].routing_map()
        for rule in routing_map.iter_rules():
            endpoint = rule.endpoint
            module = (endpoint.__module__ or "").split(".")
            addon = module[2] if module[:2] == ["odoo", "addons"] and len(module) > 2 else ""
            if not (addon.startswith("mall_") or addon == "sms_aliyun"):
                continue
            routing = endpoint.routing
            if (
                routing.get("type") in ("json", "jsonrpc")
                or routing.get("auth") == "bearer"
                or rule.rule in PUSH_ROUTES
            ):
                routes[rule.rule] = routing
        return routes

    def _counts(self):
        return {
            model: self.env[model].sudo().with_context(active_test=False).search_count([])
            for model in WRITTEN_MODELS
        }

    def _auth_variants(self, rule, routing):
        """Header sets to try: none, a wrong key, and every valid key the route may need."""
        variants = [{}, {"Authorization": "Bearer 不是密钥".encode().decode("latin-1")}]
        if routing.get("auth") == "bearer":
            variants += [{"Authorization": f"Bearer {key}"} for key in self.keys]
        if rule.startswith("/mall_einvoice/callback/"):
            variants += ["sign", {SECRET_HEADER: CALLBACK_SECRET.encode().decode("latin-1")}]
            variants.append({SECRET_HEADER: "\u00e9\u00ff"})
        return variants

    def _fuzz(self, rule, routing, rng):
        """Post the bodies at one route; returns the failures [(status, what was sent)]."""
        url = re.sub(r"<int:\w+>", str(self.company.id), rule)
        url = re.sub(r"<(?:\w+:)?\w+>", "x", url)
        methods = [m for m in (routing.get("methods") or ["POST"]) if m != "OPTIONS"]
        variants = self._auth_variants(rule, routing)
        failures = []
        for index, (content_type, body) in enumerate(bodies(rng, BODIES_PER_ROUTE, "FZ-W-001")):
            headers = variants[index % len(variants)]
            if headers == "sign":
                signed = body[len(b"content=") :] if body.startswith(b"content=") else body
                headers = {SIGNATURE_HEADER: signature(CALLBACK_SECRET, signed)}
            headers = dict(headers)
            if content_type:
                headers["Content-Type"] = content_type
            params = None
            if "GET" in methods:
                params = {
                    "page": rng.choice(["0", "-1", "1e309", "NaN", "9" * 30, "x"]),
                    "limit": rng.choice(["0", "1001", "Infinity", "", "1.5"]),
                    "date_from": rng.choice(["2026-13-01", "x" * 300, "", "0"]),
                }
            response = self.url_open(
                url,
                data=body,
                headers=headers,
                params=params,
                method=methods[index % len(methods)],
                timeout=30,
            )
            if response.status_code >= 500:
                failures.append((response.status_code, headers, body[:120]))
        return failures

    def _assert_survives(self, rules):
        self.maxDiff = None
        routes = self._json_routes()
        rng = random.Random(SEED)
        before = self._counts()
        failures = {}
        for rule in sorted(rules):
            failed = self._fuzz(rule, routes[rule], rng)
            if failed:
                failures[rule] = failed
        after = self._counts()
        written = {
            model: after[model] - before[model] for model in after if after[model] != before[model]
        }
        self.assertEqual(
            (failures, written), ({}, {}), "a malformed body got a server error or wrote rows"
        )

    def test_the_suites_json_routes_are_found(self):
        """The routing map gives the APIs and the pushes (so the fuzzing below covers them)."""
        self.assertLessEqual(
            {
                "/mall/api/meter_readings",
                "/mall/api/finance/invoices",
                "/mall/api/finance/payments",
                *PUSH_ROUTES,
            },
            set(self._json_routes()),
        )

    def test_json_routes_never_answer_500_nor_write_on_malformed_bodies(self):
        started = time.monotonic()
        self._assert_survives(set(self._json_routes()) - {"/mall/api/meter_readings"})
        self.assertLess(time.monotonic() - started, 120, "the fuzzing is bounded in time")

    def test_meter_api_never_answers_500_nor_writes_on_malformed_bodies(self):
        self._assert_survives({"/mall/api/meter_readings"})
