"""The Odoo side of ``./mall bench billing`` (see tools/mallctl/bench.py): each function runs in
a process of its own on a scratch copy of the test template."""

import time

from dateutil.relativedelta import relativedelta

from odoo import fields

FEES = [
    ("property", 28.0, "monthly"),
    ("marketing", 5.0, "monthly"),
    ("air_conditioning", 12.0, "monthly"),
]


def _month(env):
    return fields.Date.context_today(env["res.users"]).replace(day=1)


def prepare(env, leases=2000):
    """A mall of ``leases`` units, each leased for two months from this month with rent and
    three monthly fees (4 charges), the schedule planned."""
    month = _month(env)
    env.company.mall_billing_start_date = month
    mall = env["mall.mall"].create({"name": "基准广场", "code": "BENCH"})
    floors = env["mall.floor"].create(
        [{"name": f"{n}F", "level": n, "mall_id": mall.id} for n in range(1, 11)]
    )
    units = env["mall.unit"].create(
        [
            {
                "code": f"B-{i:05d}",
                "mall_id": mall.id,
                "floor_id": floors[i % 10].id,
                "gross_area": 200.0,
                "leasable_area": 80.0 + i % 50,
                "usable_area": 90.0,
            }
            for i in range(leases)
        ]
    )
    tenants = env["res.partner"].create(
        [{"name": f"基准商户{i:05d}有限公司", "is_company": True} for i in range(leases)]
    )
    vals_list = [
        {
            "mall_id": mall.id,
            "tenant_id": tenant.id,
            "date_start": month,
            "date_end": month + relativedelta(months=2, days=-1),
            "due_day": 5,
            "line_ids": [
                (
                    0,
                    0,
                    {
                        "unit_id": unit.id,
                        "leasable_area": unit.leasable_area,
                        "price": 200.0 + unit.id % 97,
                    },
                )
            ],
            "fee_ids": [
                (0, 0, {"fee_type": t, "price": p, "billing_cycle": c}) for t, p, c in FEES
            ],
        }
        for unit, tenant in zip(units, tenants, strict=True)
    ]
    created = env["mall.lease"]
    for start in range(0, len(vals_list), 500):
        created |= env["mall.lease"]._demo_create_active(vals_list[start : start + 500])
        env.cr.commit()
    for start in range(0, len(created), 500):
        created[start : start + 500]._sync_receivables()
        env.cr.commit()
        env.invalidate_all()
    return {"leases": len(created)}


def billing_run(env):
    """The month's billing run of the whole company, as the cron runs it (chunks committed)."""
    run = env["mall.billing.run"].create({"period": _month(env)})
    run.action_preview()
    run.state = "running"
    env.cr.commit()
    start = time.monotonic()
    run.with_context(mall_billing_cache={})._execute(commit=True)
    seconds = time.monotonic() - start
    return {
        "invoices": run.invoice_count,
        "seconds": seconds,
        "per_second": run.invoice_count / seconds if seconds else 0.0,
    }


def naive(env, invoices=200):
    """The naive path on next month's receivables: one ``create`` and one ``action_post`` per
    invoice, with the same invoice values as the billing run."""
    month = _month(env) + relativedelta(months=1)
    run = env["mall.billing.run"].create({"period": month})
    receivables = env["mall.receivable"].search(run._receivable_domain(), order="lease_id, id")
    batches = {}
    for rec in receivables:
        key = (rec.lease_id, run._invoice_group(rec), rec.due_date)
        batches.setdefault(key, env["mall.receivable"])
        batches[key] |= rec
    keys = list(batches)[:invoices]
    vals_list = [run._prepare_invoice_vals(key[0], key[2], batches[key]) for key in keys]
    Move = env["account.move"]
    start = time.monotonic()
    for vals in vals_list:
        Move.create(vals).action_post()
    seconds = time.monotonic() - start
    env.cr.rollback()
    return {
        "invoices": len(vals_list),
        "seconds": seconds,
        "per_second": len(vals_list) / seconds if seconds else 0.0,
    }
