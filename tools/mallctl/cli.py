"""The subcommands of ./mall."""

import argparse
import os
import socket
import subprocess
import sys

from . import databases, odoo_source, settings, system, venv
from .steps import StepFailed, info, report_failure, run, step

USAGE = """usage: ./mall COMMAND [options]

commands:
  setup                 install what is missing; build or upgrade the demo database
  run [--port N]        setup, then serve the demo mall (default http://localhost:8069)
  test [ADDON] [-k EXPR] [pytest options]
                        setup, then every test: lint, install checks, addon tests, tours
  bench [NAME ...]      performance benchmarks (billing, ... or all)
  shell                 an Odoo shell on the demo database
  i18n [ADDON ...]      regenerate the addons' .pot and merge it into their zh_CN.po
  demo [--units N] [--tenants N] [--months N] [--seed S] [--db NAME]
                        generate a demo mall into a new database (default: the demo database)
"""

DEMO_LOGINS = [
    ("后台管理员 back office admin", "admin", "admin"),
    ("招商专员 leasing clerk", "leasing", "leasing"),
    ("财务专员 finance clerk", "finance", "finance"),
    ("商户门户 tenant portal user", "tenant", "tenant"),
]


def setup(for_tests=False):
    """Idempotent set-up; returns (addons_paths, odoo_version, code_hash)."""
    with step(
        "Debian packages (build tools, PDF renderer, CJK fonts"
        + (", Chromium" if for_tests else "")
        + ")"
    ):
        system.ensure_packages(system.BASE_PACKAGES + (system.TEST_PACKAGES if for_tests else []))
    with step("Odoo 19 Community"):
        odoo_path, addons_paths, version = odoo_source.ensure()
    with step("Python 3.11 venv"):
        venv.ensure(odoo_path)
    with step("PostgreSQL server"):
        system.ensure_postgres()
    with step(f"database role {settings.DB_USER}"):
        system.ensure_role()
    databases.write_conf(addons_paths)
    code_hash = settings.code_hash(version)
    return addons_paths, version, code_hash


def cmd_setup(argv):
    parser = argparse.ArgumentParser(prog="./mall setup")
    parser.parse_args(argv)
    _paths, _version, code_hash = setup()
    with step(f"demo database {settings.DEMO_DB}"):
        databases.build_demo(code_hash)
    return 0


def _port_in_use(port):
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return True
    return False


def _free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def cmd_run(argv):
    parser = argparse.ArgumentParser(prog="./mall run")
    parser.add_argument("--port", type=int, default=settings.HTTP_PORT)
    args = parser.parse_args(argv)
    if _port_in_use(args.port):
        raise StepFailed(
            f"port {args.port} is already in use (another Odoo or ./mall run?).",
            f"stop what listens there, or pick another: ./mall run --port {args.port + 1}",
        )
    addons_paths, _version, code_hash = setup()
    with step(f"demo database {settings.DEMO_DB}"):
        databases.build_demo(code_hash)
    databases.write_conf(addons_paths, http_port=args.port)
    simulator = _start_fapiao_simulator()
    sms_simulator = _start_sms_simulator()
    url = f"http://localhost:{args.port}"
    print(f"\nMall Suite serves {url}  (database {settings.DEMO_DB}; Ctrl-C stops)")
    print("demo logins (login / password):")
    for who, login, password in DEMO_LOGINS:
        print(f"  {login:<10} / {password:<10} {who}")
    print(flush=True)
    cmd = [
        settings.VENV_PYTHON,
        "-m",
        "odoo",
        "-c",
        settings.CONF,
        "-d",
        settings.DEMO_DB,
        "--db-filter",
        f"^{settings.DEMO_DB}$",
        "--http-port",
        str(args.port),
    ]
    try:
        return subprocess.call(cmd)
    except KeyboardInterrupt:
        return 0
    finally:
        if simulator:
            simulator.terminate()
        if sms_simulator:
            sms_simulator.terminate()


def _start_fapiao_simulator():
    """The demo issues 数电发票 through the local 诺诺 simulator (its own process, the real
    protocol); the demo company is pointed at it."""
    script = os.path.join(settings.ROOT, "tools", "simulators", "nuonuo.py")
    if not os.path.exists(script):
        return None
    with step("fapiao simulator (诺诺 protocol, local)"):
        proc = subprocess.Popen(
            [
                settings.VENV_PYTHON,
                script,
                "--port",
                "0",
                "--app-key",
                "SIMKEY",
                "--app-secret",
                "SIMSECRET",
                "--delay",
                "2",
            ],
            stdout=subprocess.PIPE,
            text=True,
        )
        line = proc.stdout.readline().strip()
        if not line.startswith("READY"):
            proc.terminate()
            raise StepFailed(
                f"the simulator did not start: {line!r}",
                f"run it by hand to see why: python3 {script} --port 0",
            )
        sim_url = f"http://127.0.0.1:{line.split()[1]}"
        databases.job(settings.DEMO_DB, "fapiao-simulator", sim_url)
        info(f"listening on {sim_url}")
    return proc


def _start_sms_simulator():
    """The demo texts tenants through the local SMS gateway simulator (Aliyun protocol, its
    own process); the demo company is pointed at it."""
    script = os.path.join(settings.ROOT, "tools", "simulators", "aliyun_sms.py")
    if not os.path.exists(script):
        return None
    with step("SMS gateway simulator (Aliyun protocol, local)"):
        proc = subprocess.Popen(
            [
                settings.VENV_PYTHON,
                script,
                "--port",
                "0",
                "--access-key-id",
                "SIMID",
                "--access-key-secret",
                "SIMSECRET",
                "--sign-name",
                "星光广场",
                "--template-code",
                "SMS_000001",
            ],
            stdout=subprocess.PIPE,
            text=True,
        )
        line = proc.stdout.readline().strip()
        if not line.startswith("READY"):
            proc.terminate()
            raise StepFailed(
                f"the SMS simulator did not start: {line!r}",
                f"run it by hand to see why: python3 {script} --port 0",
            )
        sim_url = f"http://127.0.0.1:{line.split()[1]}/"
        databases.job(settings.DEMO_DB, "sms-simulator", sim_url)
        info(f"listening on {sim_url}")
    return proc


def cmd_test(argv):
    parser = argparse.ArgumentParser(prog="./mall test", add_help=False)
    parser.add_argument("target", nargs="?", help="an addon (mall_leasing) or a test path")
    parser.add_argument("-k", dest="expr")
    args, extra = parser.parse_known_args(argv)
    addons_paths, _version, code_hash = setup(for_tests=True)
    # MALL_TEST_NO_DEMO=1 skips the demo database (a developer testing one addon); CI and a
    # plain ./mall test build it, since the newcomer's ./mall run must work too.
    if not os.environ.get("MALL_TEST_NO_DEMO"):
        with step(f"demo database {settings.DEMO_DB}"):
            databases.build_demo(code_hash)
    # Tours need Odoo's HTTP server: a free port and a configuration of the run's own, so that
    # two test runs on one machine (or a ./mall run) never meet on a port.
    conf = os.path.join(settings.HOME, f"odoo-{settings.TEST_DB}.conf")
    databases.write_conf(addons_paths, http_port=_free_port(), path=conf)
    with step("test database (all addons, cached by the code hash)"):
        databases.build_test_template(code_hash)
    if args.target:
        target = args.target
        if os.path.isdir(os.path.join(settings.ADDONS, target)):
            target = os.path.join("addons", target)
        targets = [target]
    else:
        targets = ["tests", "addons"]
    cmd = [
        settings.VENV_PYTHON,
        "-m",
        "pytest",
        "-p",
        "no:cacheprovider",
        f"--odoo-config={conf}",
        f"--odoo-database={settings.TEST_DB}",
        "--odoo-http",
        *targets,
        *extra,
    ]
    if args.expr:
        cmd += ["-k", args.expr]
    print(f"==> tests: {' '.join(cmd[2:])}", flush=True)
    env = dict(os.environ, MALL_CODE_HASH=code_hash, PYTHONDONTWRITEBYTECODE="1")
    # pytest's summary line (with its duration) stays the last line of the run.
    return subprocess.call(cmd, cwd=settings.ROOT, env=env)


def cmd_i18n(argv):
    """Regenerate each addon's .pot from the code and merge it into its zh_CN.po."""
    parser = argparse.ArgumentParser(prog="./mall i18n")
    parser.add_argument("addons", nargs="*", default=None)
    args = parser.parse_args(argv)
    addons = args.addons or settings.existing_addons()
    _paths, _version, code_hash = setup()
    with step("test database (all addons, cached by the code hash)"):
        template = databases.build_test_template(code_hash)
    for addon in addons:
        with step(f"{addon}: export .pot, merge into zh_CN.po"):
            pot = os.path.join(settings.ADDONS, addon, "i18n", f"{addon}.pot")
            os.makedirs(os.path.dirname(pot), exist_ok=True)
            run(
                [
                    settings.VENV_PYTHON,
                    "-m",
                    "odoo",
                    "i18n",
                    "export",
                    "-c",
                    settings.CONF,
                    "-d",
                    template,
                    addon,
                    "-l",
                    "pot",
                    "-o",
                    pot,
                ],
                quiet=True,
            )
            out = run(
                [
                    settings.VENV_PYTHON,
                    os.path.join(settings.ROOT, "tools", "mallctl", "po_merge.py"),
                    os.path.join(settings.ADDONS, addon),
                ],
                quiet=True,
            ).stdout
            print(out.rstrip())
    return 0


def cmd_bench(argv):
    from . import bench

    parser = argparse.ArgumentParser(prog="./mall bench")
    parser.add_argument(
        "names", nargs="*", help=f"benchmarks ({', '.join(bench.BENCHES)}) or all (default)"
    )
    parser.add_argument(
        "--list", action="store_true", help="list the benchmarks and exit, without running them"
    )
    args = parser.parse_args(argv)
    if args.list:
        for name, (description, _func) in bench.BENCHES.items():
            print(f"{name:<10} {description}")
        return 0
    unknown = [n for n in args.names if n not in bench.BENCHES and n != "all"]
    if unknown:
        parser.error(f"unknown benchmark {', '.join(unknown)}; known: {', '.join(bench.BENCHES)}")
    _paths, _version, code_hash = setup()
    return bench.main(args.names, code_hash)


def cmd_shell(argv):
    _paths, _version, code_hash = setup()
    with step(f"demo database {settings.DEMO_DB}"):
        databases.build_demo(code_hash)
    cmd = [
        settings.VENV_PYTHON,
        "-m",
        "odoo",
        "shell",
        "-c",
        settings.CONF,
        "-d",
        settings.DEMO_DB,
        "--no-http",
        *argv,
    ]
    return subprocess.call(cmd)


def cmd_demo(argv):
    """Generate a demo mall from scratch into a database (default: the demo database)."""
    parser = argparse.ArgumentParser(prog="./mall demo")
    parser.add_argument("--db", default=settings.DEMO_DB)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--units", type=int)
    parser.add_argument("--tenants", type=int)
    parser.add_argument("--months", type=int)
    args = parser.parse_args(argv)
    _paths, _version, code_hash = setup()
    demo_args = ["--seed", str(args.seed)]
    for name in ("units", "tenants", "months"):
        if getattr(args, name):
            demo_args += [f"--{name}", str(getattr(args, name))]
    settings.DEMO_DB = args.db
    with step(f"demo database {args.db}, generated anew"):
        system.drop_db(args.db)
        databases.build_demo(code_hash, demo_args)
    return 0


COMMANDS = {
    "setup": cmd_setup,
    "run": cmd_run,
    "test": cmd_test,
    "bench": cmd_bench,
    "shell": cmd_shell,
    "demo": cmd_demo,
    "i18n": cmd_i18n,
}


def main(argv):
    if not argv or argv[0] in ("-h", "--help", "help"):
        print(USAGE)
        return 0 if argv else 2
    command = COMMANDS.get(argv[0])
    if command is None:
        print(f"./mall: unknown command {argv[0]!r}\n", file=sys.stderr)
        print(USAGE, file=sys.stderr)
        return 2
    try:
        return command(argv[1:])
    except StepFailed as exc:
        report_failure(exc, argv[0])
        return 1
    except KeyboardInterrupt:
        print("\ninterrupted", file=sys.stderr)
        return 130
