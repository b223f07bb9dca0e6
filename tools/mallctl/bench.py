"""./mall bench [NAME ...]: performance benchmarks, one per name, registered below.

A benchmark runs on copies of the test template (every addon installed, no demo data), named
after MALL_TEST_DB, and dropped afterwards. Its Odoo side lives in ``tools/bench/<name>.py``
(a plain module beside the addons, never loaded by Odoo): the ``bench`` job of odoo_job.py
calls ``<function>(env, **params)`` there, in a process of its own, and prints
what it returns (a JSON object) with the process's peak memory. The function here turns those
results into a report: lines of (label, value) and checks of (target, passed)."""

import json

from . import databases, settings, system
from .steps import info

# name -> (one-line description, function(template) -> (report lines, checks))
BENCHES = {}


def register(name, description):
    def decorator(func):
        BENCHES[name] = (description, func)
        return func

    return decorator


def odoo_call(db, name, function, **params):
    """Run ``<function>(env, **params)`` of ``tools/bench/<name>.py`` in its own process
    on ``db`` (committed at the end); returns its JSON result plus ``peak_rss_mb``."""
    out = databases.job(db, "bench", name, function, json.dumps(params))
    for line in out.splitlines():
        if line.startswith("MALL_BENCH "):
            return json.loads(line[len("MALL_BENCH ") :])
    raise RuntimeError(f"the bench job {name}.{function} printed no result:\n{out[-2000:]}")


def scratch_db(template, suffix):
    """A fresh copy of the test template for one measurement."""
    name = f"{settings.TEST_DB}_bench_{suffix}"
    system.copy_db(template, name)
    return name


@register(
    "billing",
    "monthly billing run: invoices/s for 1,000 and 2,000 leases × 4 charges, "
    "peak memory, ratio to the naive create+post per invoice",
)
def bench_billing(template):
    lines, runs = [], {}
    for leases in (1000, 2000):
        db = scratch_db(template, f"billing_{leases}")
        try:
            info(f"{leases} leases: generating")
            odoo_call(db, "billing", "prepare", leases=leases)
            info(f"{leases} leases: billing run")
            runs[leases] = odoo_call(db, "billing", "billing_run")
            if leases == 2000:
                info("naive path: one create + action_post per invoice")
                runs["naive"] = odoo_call(db, "billing", "naive", invoices=200)
        finally:
            system.drop_db(db)
    for leases in (1000, 2000):
        r = runs[leases]
        lines.append(
            (
                f"billing run, {leases} leases",
                f"{r['invoices']} invoices in "
                f"{r['seconds']:.1f}s = {r['per_second']:.1f} invoices/s, peak RSS "
                f"{r['peak_rss_mb']:.0f} MB",
            )
        )
    naive = runs["naive"]
    lines.append(
        (
            "naive path",
            f"{naive['invoices']} invoices in {naive['seconds']:.1f}s = "
            f"{naive['per_second']:.1f} invoices/s",
        )
    )
    ratio = runs[2000]["per_second"] / naive["per_second"] if naive["per_second"] else 0.0
    growth = runs[2000]["peak_rss_mb"] / runs[1000]["peak_rss_mb"]
    lines.append(("ratio to naive", f"{ratio:.1f}×"))
    lines.append(("memory 2,000 vs 1,000 leases", f"{growth:.2f}×"))
    checks = [
        ("at least 20 invoices/s (2,000 leases)", runs[2000]["per_second"] >= 20),
        ("at least 5× the naive path", ratio >= 5),
        ("memory flat as the lease count doubles (< 1.25×)", growth < 1.25),
    ]
    return lines, checks


@register(
    "fapiao",
    "1,000 fapiao through the 诺诺 simulator with 1 % lost answers: fapiao/s, "
    "duplicates, requests left unresolved",
)
def bench_fapiao(template):
    db = scratch_db(template, "fapiao")
    try:
        info("1,000 posted invoices, then their fapiao")
        r = odoo_call(db, "fapiao", "fapiao", count=1000, timeout_rate=0.01)
    finally:
        system.drop_db(db)
    lines = [
        (
            "fapiao issued",
            f"{r['fapiao'] - r['unresolved']} of {r['fapiao']} in "
            f"{r['seconds']:.1f}s = {r['fapiao_per_second']:.1f} fapiao/s "
            f"(files, XML and mail included), peak RSS {r['peak_rss_mb']:.0f} MB",
        ),
        ("answers lost (timeouts)", str(r["timeouts_injected"])),
        ("duplicates", str(r["duplicates"])),
        ("unresolved after polling", str(r["unresolved"])),
    ]
    checks = [
        ("no duplicate fapiao", r["duplicates"] == 0),
        ("no request left unresolved", r["unresolved"] == 0),
    ]
    return lines, checks


def main(names, code_hash):
    selected = list(BENCHES) if not names or "all" in names else names
    template = databases.build_test_template(code_hash)
    failed = 0
    for name in selected:
        description, func = BENCHES[name]
        print(f"==> bench {name}: {description}", flush=True)
        lines, checks = func(template)
        for label, value in lines:
            print(f"    {label:<34} {value}")
        for target, ok in checks:
            print(f"    {'PASS' if ok else 'FAIL'}  {target}")
            failed += not ok
    return 1 if failed else 0
