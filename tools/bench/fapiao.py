"""./mall bench fapiao: issue N fapiao through the local 诺诺 simulator with injected timeouts.

Run by the ``bench`` job of tools/mallctl/odoo_job.py on a scratch copy of the test template.
Reports fapiao per second (request → issued with files and mail), duplicates (fapiao issued
twice for one request at the provider: must be 0) and requests left unresolved after the
checks caught up (must be 0).

Sending and status checks are queue_job jobs. The bench runs them synchronously in this one
process, each exactly as queue_job's runner has Odoo run it (marked enqueued, acquired with its
lock and committed by queue_job's own RunJobController, retries postponed and stored), only
without the HTTP request and without waiting for a retry's back-off.
"""

import json
import os
import subprocess
import sys
import time

import requests

from odoo import Command, fields
from odoo.addons.queue_job.controllers.main import RunJobController

SIMULATOR = os.path.join(os.path.dirname(os.path.dirname(__file__)), "simulators", "nuonuo.py")


def _start_simulator():
    proc = subprocess.Popen(
        [sys.executable, SIMULATOR, "--port", "0", "--delay", "0", "--hang", "1"],
        stdout=subprocess.PIPE,
        text=True,
    )
    port = proc.stdout.readline().split()[1]
    return proc, f"http://127.0.0.1:{port}"


def _invoices(env, count):
    tax = env["account.tax"].create(
        {"name": "VAT 6% (bench)", "amount": 6, "amount_type": "percent", "type_tax_use": "sale"}
    )
    product = env["product.product"].create(
        {"name": "物业管理费(bench)", "taxes_id": [Command.set(tax.ids)]}
    )
    env["mall.charge.type"].create(
        {
            "name": "物业管理费(bench)",
            "code": "BENCH-FAPIAO",
            "category": "fee",
            "product_id": product.id,
            "tax_classification_code": "3040801010000000000",
            "tax_classification_name": "企业管理服务",
        }
    )
    tenants = env["res.partner"].create(
        [
            {
                "name": f"基准测试商户{i:03d}",
                "is_company": True,
                "email": f"bench{i}@example.com",
            }
            for i in range(50)
        ]
    )
    moves = env["account.move"].create(
        [
            {
                "move_type": "out_invoice",
                "partner_id": tenants[i % len(tenants)].id,
                "invoice_date": fields.Date.today(),
                "invoice_line_ids": [
                    Command.create(
                        {
                            "product_id": product.id,
                            "quantity": 1 + i % 3,
                            "price_unit": 100 + i * 0.37,
                            "tax_ids": [Command.set(tax.ids)],
                        }
                    )
                ],
            }
            for i in range(count)
        ]
    )
    moves.action_post()
    return moves


def _run_jobs(env, method=None):
    """Run the pending fapiao jobs once each, as the runner has Odoo run them; returns how many
    were postponed (a lost answer, a result not there yet)."""
    domain = [("state", "=", "pending"), ("model_name", "=", "mall.fapiao")]
    if method:
        domain.append(("method_name", "=", method))
    uuids = env["queue.job"].search(domain, order="id").mapped("uuid")
    for uuid in uuids:
        # what the runner does before its HTTP request to /queue_job/runjob
        env.cr.execute(
            "UPDATE queue_job SET state = 'enqueued', date_enqueued = now() AT TIME ZONE 'utc' "
            "WHERE uuid = %s AND state = 'pending'",
            [uuid],
        )
        env.cr.commit()
        job = RunJobController._acquire_job(env, uuid)
        if job is None:
            continue
        try:
            RunJobController._runjob(env, job)  # commits
        except Exception:  # stored as failed by queue_job, with its error
            env.cr.rollback()
    env.invalidate_all()
    return env["queue.job"].search_count([("uuid", "in", uuids), ("state", "=", "pending")])


def fapiao(env, count=1000, timeout_rate=0.01, settle=300):
    proc, url = _start_simulator()
    try:
        company = env.company
        company.sudo().write(
            {
                "mall_fapiao_url": url,
                "mall_fapiao_app_key": "SIMKEY",
                "mall_fapiao_app_secret": "SIMSECRET",
                "mall_fapiao_token": False,
                "mall_fapiao_trigger": "manual",
                "mall_fapiao_push": True,
                "mall_fapiao_order_prefix": "BN",
                "vat": company.vat or "91330100MA2AAAAA0X",
            }
        )
        moves = _invoices(env, count)
        env.flush_all()
        requests.post(
            f"{url}/_sim/control", data=json.dumps({"drop_rate": timeout_rate}), timeout=5
        )
        start = time.perf_counter()
        fapiao = moves._mall_create_fapiao()
        fapiao.action_submit()
        env.cr.commit()
        timed_out = _run_jobs(env, "_job_issue")
        deadline = time.monotonic() + settle
        while time.monotonic() < deadline:
            fapiao.invalidate_recordset()
            pending = fapiao.filtered(lambda rec: rec.state in ("submitted", "issuing"))
            if not pending:
                break
            _run_jobs(env)
        env.flush_all()
        fapiao.invalidate_recordset()
        elapsed = time.perf_counter() - start
        issued = fapiao.filtered(lambda rec: rec.state == "issued")
        stats = requests.get(f"{url}/_sim/stats", timeout=5).json()
        numbers = issued.mapped("number")
        return {
            "fapiao": len(fapiao),
            "seconds": round(elapsed, 2),
            "fapiao_per_second": round(len(issued) / elapsed, 1) if elapsed else 0,
            "timeouts_injected": timed_out,
            "duplicates": (stats["issued"] - len(issued)) + (len(numbers) - len(set(numbers))),
            "unresolved": len(fapiao) - len(issued),
            "mails": env["mail.mail"].search_count(
                [("model", "=", "mall.fapiao"), ("res_id", "in", fapiao.ids)]
            ),
        }
    finally:
        proc.terminate()
        proc.wait(timeout=5)
