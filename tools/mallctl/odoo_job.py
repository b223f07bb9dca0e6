"""Jobs run inside Odoo (with the venv's Python) on one database:

python odoo_job.py -c CONF -d DB prepare           company in China, CNY, Chinese
python odoo_job.py -c CONF -d DB demo [--seed ..]  generate the demo mall
python odoo_job.py -c CONF -d DB chinese           every user and contact in zh_CN only
python odoo_job.py -c CONF -d DB mark KEY VALUE    remember a value (e.g. the code hash)
python odoo_job.py -c CONF -d DB assets            build the web asset bundles
python odoo_job.py -c CONF -d DB bench NAME FUNC [JSON]   a benchmark step (tools/bench/NAME.py)
"""

import argparse
import json
import logging
import os
import warnings

import odoo
from odoo.modules.registry import Registry

_logger = logging.getLogger("mall")


def prepare(env, _args):
    """Before the accounting addons install: a Chinese company in CNY, so that Accounting picks
    the Chinese chart of accounts (l10n_cn) and every amount is in yuan."""
    cny = env.ref("base.CNY")
    cny.active = True
    company = env.ref("base.main_company")
    company.write(
        {
            "name": "示例商业管理有限公司",
            "country_id": env.ref("base.cn").id,
            "currency_id": cny.id,
            "city": "上海市",
            "street": "浦东新区世纪大道100号",
        }
    )
    env["res.lang"]._activate_lang("zh_CN")
    company.partner_id.lang = "zh_CN"
    env.ref("base.user_admin").lang = "zh_CN"


def chinese(env, _args):
    """Chinese for everyone: all users and contacts in zh_CN, the default for new contacts, and
    English switched off so that even /web/login of a browser asking for English is Chinese."""
    env["res.lang"]._activate_lang("zh_CN")
    users = env["res.users"].with_context(active_test=False).search([])
    users.write({"lang": "zh_CN"})
    partners = env["res.partner"].with_context(active_test=False).search([("lang", "!=", "zh_CN")])
    partners.write({"lang": "zh_CN"})
    env["ir.default"].set("res.partner", "lang", "zh_CN")
    env["res.lang"].with_context(active_test=False).search([("code", "=", "en_US")]).active = False


BUNDLES = (
    "web.assets_web",
    "web.assets_backend_lazy",
    "web.assets_frontend",
    "web.assets_frontend_lazy",
    "web.assets_tests",
    "web.report_assets_common",
)


def assets(env, _args):
    """Build the asset bundles once, right after install: otherwise the first page that needs
    one builds it inside a request, and a test's browser may meet that request half done."""
    for name in BUNDLES:
        bundle = env["ir.qweb"]._get_asset_bundle(name)
        bundle.js()
        bundle.css()


def demo(env, args):
    summary = env["mall.demo.generator"].generate(
        seed=args.seed, units=args.units, tenants=args.tenants, months=args.months
    )
    print("MALL_DEMO " + json.dumps(summary, ensure_ascii=False), flush=True)


def fapiao_simulator(env, args):
    """Point the demo companies at the local 诺诺 simulator that ./mall run started."""
    companies = env["res.company"].search([])
    if "mall_fapiao_url" in companies._fields:
        companies.write(
            {
                "mall_fapiao_url": args.url,
                "mall_fapiao_app_key": "SIMKEY",
                "mall_fapiao_app_secret": "SIMSECRET",
            }
        )


def sms_simulator(env, args):
    """Point the demo companies at the local Aliyun SMS simulator that ./mall run started
    (sms_aliyun's settings), and the simulator's delivery reports at the demo, as the Aliyun
    console's push address would be."""
    import requests

    companies = env["res.company"].search([])
    if "sms_aliyun_endpoint" not in companies._fields:
        return
    companies.write(
        {
            "sms_provider": "aliyun",
            "sms_aliyun_endpoint": args.url,
            "sms_aliyun_access_key_id": "SIMID",
            "sms_aliyun_access_key_secret": "SIMSECRET",
            "sms_aliyun_sign_name": "星光广场",
            "sms_aliyun_template_code": "SMS_000001",
        }
    )
    # the server ./mall run is about to start reads the same configuration file
    config = odoo.tools.config
    host = config.get("http_interface") or "127.0.0.1"
    host = "127.0.0.1" if host in ("0.0.0.0", "::") else host
    odoo_url = f"http://{host}:{config['http_port']}"
    requests.post(
        f"{args.url}_sim/control",
        timeout=5,
        data=json.dumps({"report_url": f"{odoo_url}/sms_aliyun/report", "auto_report": 2}),
    )


def bench(env, args):
    """A benchmark's Odoo side: <function>(env, **params) of tools/bench/<name>.py (a plain
    module beside the addons, never loaded by Odoo); prints its result with the peak memory of
    this process."""
    import importlib.util
    import resource

    path = os.path.join(
        os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "bench", f"{args.addon}.py"
    )
    spec = importlib.util.spec_from_file_location(f"mall_bench_{args.addon}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    result = getattr(module, args.function)(env, **json.loads(args.params or "{}"))
    env.cr.commit()
    result = dict(
        result or {}, peak_rss_mb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    )
    print("MALL_BENCH " + json.dumps(result), flush=True)


def mark(env, args):
    env["ir.config_parameter"].sudo().set_param(args.key, args.value)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("-c", dest="conf", required=True)
    parser.add_argument("-d", dest="db", required=True)
    sub = parser.add_subparsers(dest="job", required=True)
    sub.add_parser("prepare")
    sub.add_parser("chinese")
    sub.add_parser("assets")
    demo_p = sub.add_parser("demo")
    demo_p.add_argument("--seed", type=int, default=2026)
    demo_p.add_argument("--units", type=int, default=None)
    demo_p.add_argument("--tenants", type=int, default=None)
    demo_p.add_argument("--months", type=int, default=None)
    sim_p = sub.add_parser("fapiao-simulator")
    sim_p.add_argument("url")
    sms_p = sub.add_parser("sms-simulator")
    sms_p.add_argument("url")
    bench_p = sub.add_parser("bench")
    bench_p.add_argument("addon", help="the bench module: tools/bench/<addon>.py")
    bench_p.add_argument("function")
    bench_p.add_argument("params", nargs="?")
    mark_p = sub.add_parser("mark")
    mark_p.add_argument("key")
    mark_p.add_argument("value")
    args = parser.parse_args()
    # Odoo's pinned Werkzeug warns on every URL it parses; nothing a user can act on.
    warnings.filterwarnings("ignore", category=DeprecationWarning)
    odoo.tools.config.parse_config(["-c", args.conf, "-d", args.db, "--log-level=warn"])
    registry = Registry(args.db)
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {"lang": "zh_CN"})
        jobs = {
            "prepare": prepare,
            "chinese": chinese,
            "demo": demo,
            "mark": mark,
            "assets": assets,
            "fapiao-simulator": fapiao_simulator,
            "bench": bench,
            "sms-simulator": sms_simulator,
        }
        jobs[args.job](env, args)
        env.flush_all()


if __name__ == "__main__":
    main()
