"""Building the demo and test databases, each remembered by the hash of the code it holds."""

import os
import subprocess

from . import settings, system
from .steps import StepFailed, info, run

HASH_KEY = "mall_suite.code_hash"
JOB = os.path.join(settings.ROOT, "tools", "mallctl", "odoo_job.py")


def write_conf(addons_paths, http_port=None, path=None):
    with open(os.path.join(settings.ROOT, "odoo.conf"), encoding="utf-8") as fh:
        template = fh.read()
    text = template.format(
        addons_path=",".join([settings.ADDONS, *addons_paths]),
        data_dir=settings.DATA_DIR,
        db_host=settings.DB_HOST,
        db_port=settings.DB_PORT,
        db_user=settings.DB_USER,
        db_password=settings.DB_PASSWORD,
        http_interface=os.environ.get("MALL_HTTP_INTERFACE", "127.0.0.1"),
        http_port=http_port or settings.HTTP_PORT,
        admin_passwd=os.environ.get("MALL_ADMIN_PASSWD", "mall-admin"),
    )
    os.makedirs(settings.HOME, exist_ok=True)
    with open(path or settings.CONF, "w", encoding="utf-8") as fh:
        fh.write(text)


def odoo(db, *args, log_name):
    """Run Odoo once (--stop-after-init) on ``db``; its log goes to .mall/logs/<log_name>.log."""
    os.makedirs(settings.LOG_DIR, exist_ok=True)
    logfile = os.path.join(settings.LOG_DIR, f"{log_name}.log")
    if os.path.exists(logfile):
        os.remove(logfile)
    cmd = [
        settings.VENV_PYTHON,
        "-m",
        "odoo",
        "-c",
        settings.CONF,
        "-d",
        db,
        "--no-http",
        "--stop-after-init",
        "--log-level=warn",
        f"--logfile={logfile}",
        *args,
    ]
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    errors = []
    if os.path.exists(logfile):
        with open(logfile, encoding="utf-8", errors="replace") as fh:
            errors = [line.rstrip() for line in fh if " ERROR " in line or " CRITICAL " in line]
    if proc.returncode != 0 or errors:
        detail = "\n  ".join((errors or proc.stderr.splitlines())[-15:])
        raise StepFailed(
            f"Odoo failed on database {db}:\n  {detail}",
            f"read {logfile}; fix the addon and run again.",
        )


def job(db, *args):
    proc = run(
        [settings.VENV_PYTHON, JOB, "-c", settings.CONF, "-d", db, *args],
        quiet=True,
        hint="see the traceback above.",
    )
    return proc.stdout


def _install_fresh(db, addons):
    system.drop_db(db)
    info(f"creating database {db} (Chinese, CNY)")
    odoo(db, "-i", "base", "--load-language=zh_CN", log_name=f"{db}-base")
    job(db, "prepare")
    info(f"installing {', '.join(addons)}")
    odoo(db, "-i", ",".join(addons), log_name=f"{db}-install")


def _built_hash(db):
    """The code hash ``db`` was built from, if it is usable here: a database made by another
    checkout (same PostgreSQL, other .mall/) lacks its filestore here and is rebuilt."""
    if not system.db_exists(db):
        return None
    if not os.path.isdir(os.path.join(settings.DATA_DIR, "filestore", db)):
        return None
    return system.db_param(db, HASH_KEY)


def install_plain(db, modules):
    """A new database with just ``modules`` (and base) installed, nothing else."""
    system.drop_db(db)
    odoo(db, "-i", ",".join(modules or ["base"]), log_name=f"{db}-install")


def _layout_changed(db, addons):
    """True when ``db`` holds suite addons that the tree no longer has, or lacks some it has."""
    suite = set(settings.MALL_ADDONS)
    installed = {
        name
        for name, state in system.module_states(db).items()
        if state == "installed" and (name in suite or name.startswith("mall_"))
    }
    return installed != set(addons)


def build_demo(code_hash, demo_args=()):
    db = settings.DEMO_DB
    addons = settings.existing_addons()
    built = _built_hash(db)
    if built and built != code_hash and _layout_changed(db, addons):
        # Before 1.0 the suite's addon layout may change (models move between addons); Odoo
        # cannot move a model's data between modules in an upgrade, so such a database is set
        # aside, never dropped, and built anew.
        kept = f"{db}_before_{built}"
        info(
            f"database {db} was built with an older layout of the suite's addons: it is "
            f"renamed {kept} (nothing is lost) and {db} is built anew. Before version 1.0 "
            "the demo database is upgraded in place only while the set of addons stays the "
            "same (see README, Upgrades)."
        )
        system.rename_db(db, kept)
        built = None
    if built:
        if built == code_hash:
            info(f"database {db} is up to date")
            return False
        info(f"upgrading database {db}: the addons changed")
        odoo(db, "-i", ",".join(addons), "-u", ",".join(addons), log_name=f"{db}-upgrade")
    else:
        _install_fresh(db, addons)
        info("generating the demo mall")
        out = job(db, "demo", *demo_args)
        for line in out.splitlines():
            if line.startswith("MALL_DEMO "):
                info("demo: " + line[len("MALL_DEMO ") :])
        job(db, "chinese")
    job(db, "mark", HASH_KEY, code_hash)
    return True


def build_test_template(code_hash):
    """A database with every mall addon installed, cached under the code hash: an unchanged tree
    does not reinstall. Each test run works on a fresh copy of it."""
    prefix = f"{settings.TEST_DB}_tpl_"
    template = prefix + code_hash
    for old in system.list_dbs(prefix):
        if old != template:
            info(f"dropping outdated {old}")
            system.drop_db(old)
    if _built_hash(template) == code_hash:
        info(f"{template} is cached")
    else:
        _install_fresh(template, settings.existing_addons())
        job(template, "assets")
        job(template, "mark", HASH_KEY, code_hash)
    info(f"copying {template} to {settings.TEST_DB}")
    system.copy_db(template, settings.TEST_DB)
    return template
