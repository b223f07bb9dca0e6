"""Debian packages the suite needs on the machine, and the PostgreSQL server and role."""

import os
import shutil
import subprocess
import time

from . import settings
from .steps import StepFailed, info, run

# Needed to build the venv (psycopg2 compiles against libpq) and to render PDFs with Chinese
# text (wkhtmltopdf + a CJK font; without one Chinese prints as boxes).
BASE_PACKAGES = [
    "libpq-dev",
    "python3-dev",
    "gcc",
    "libmagic1",
    "wkhtmltopdf",
    "fonts-noto-cjk",
    "postgresql-client",
]
# Tours run in Debian's Chromium; docker-compose checks docker-compose.yml (no engine needed).
TEST_PACKAGES = ["chromium", "docker-compose"]


def _sudo():
    if os.geteuid() == 0:
        return []
    if shutil.which("sudo"):
        return ["sudo", "-n"]
    return None


def _missing(packages):
    if not shutil.which("dpkg-query"):
        return []
    missing = []
    for pkg in packages:
        proc = subprocess.run(
            ["dpkg-query", "-W", "-f=${Status}", pkg], capture_output=True, text=True, check=False
        )
        if "install ok installed" not in proc.stdout:
            missing.append(pkg)
    return missing


def ensure_packages(packages):
    missing = _missing(packages)
    if not missing:
        info("all present: " + " ".join(packages))
        return
    sudo = _sudo()
    hint = f"install them yourself: sudo apt-get install {' '.join(missing)}"
    if sudo is None:
        raise StepFailed("missing Debian packages: " + " ".join(missing), hint)
    info("installing " + " ".join(missing))
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    run([*sudo, "apt-get", "update", "-q"], hint=hint, env=env, quiet=True)
    run(
        [*sudo, "apt-get", "install", "-y", "-q", "--no-install-recommends", *missing],
        hint=hint,
        env=env,
        quiet=True,
    )


def _local_db():
    host = settings.DB_HOST
    return host in ("127.0.0.1", "localhost", "::1", "") or host.startswith("/")


def _server_ready():
    if not shutil.which("pg_isready"):
        return False
    proc = subprocess.run(
        ["pg_isready", "-q", "-h", settings.DB_HOST, "-p", settings.DB_PORT], check=False
    )
    return proc.returncode == 0


def ensure_postgres():
    """Use a running server; start an installed one; install one from Debian when none."""
    if _server_ready():
        info(f"PostgreSQL answers on {settings.DB_HOST}:{settings.DB_PORT}")
        return
    if not _local_db():
        raise StepFailed(
            f"no PostgreSQL answers on {settings.DB_HOST}:{settings.DB_PORT}.",
            "start that server, or unset MALL_DB_HOST to use a local one.",
        )
    sudo = _sudo()
    if not shutil.which("pg_lsclusters"):
        if sudo is None:
            raise StepFailed("PostgreSQL is not installed.", "sudo apt-get install postgresql")
        info("installing PostgreSQL from Debian")
        ensure_packages(["postgresql"])
    clusters = subprocess.run(
        ["pg_lsclusters", "-h"], capture_output=True, text=True, check=False
    ).stdout.split()
    if not clusters:
        version = sorted(os.listdir("/usr/lib/postgresql"))[-1]
        info(f"creating PostgreSQL cluster {version}/main")
        run([*(sudo or []), "pg_createcluster", version, "main"], quiet=True)
        clusters = [version, "main"]
    version, name = clusters[0], clusters[1]
    info(f"starting PostgreSQL cluster {version}/{name}")
    run(
        [*(sudo or []), "pg_ctlcluster", "--skip-systemctl-redirect", version, name, "start"],
        hint=f"look at /var/log/postgresql/postgresql-{version}-{name}.log",
        check=False,
        quiet=True,
    )
    for _ in range(30):
        if _server_ready():
            return
        time.sleep(1)
    raise StepFailed(
        "PostgreSQL did not start.", f"look at /var/log/postgresql/postgresql-{version}-{name}.log"
    )


def _psql(sql, db="postgres"):
    return subprocess.run(
        ["psql", "-X", "-q", "-tA", "-d", db, "-c", sql],
        env=settings.db_env(),
        capture_output=True,
        text=True,
        check=False,
    )


def ensure_role():
    """Odoo refuses to run as ``postgres``: it gets a role of its own that may create databases."""
    if _psql("SELECT rolcreatedb FROM pg_roles WHERE rolname = current_user").stdout.strip() == "t":
        info(f"role {settings.DB_USER} can log in and create databases")
        return
    user = settings.DB_USER
    if user == "postgres":
        raise StepFailed(
            "Odoo refuses to connect as `postgres`.", "set MALL_DB_USER to another role."
        )
    password = settings.DB_PASSWORD.replace("'", "''")
    sql = (
        f"DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{user}') "
        f"THEN ALTER ROLE \"{user}\" LOGIN CREATEDB PASSWORD '{password}'; "
        f"ELSE CREATE ROLE \"{user}\" LOGIN CREATEDB PASSWORD '{password}'; END IF; END $$;"
    )
    hint = (
        f"create it yourself as a PostgreSQL superuser: CREATE ROLE {user} LOGIN CREATEDB "
        f"PASSWORD '...'; then set MALL_DB_USER / MALL_DB_PASSWORD."
    )
    if not _local_db():
        raise StepFailed(f"role {user} cannot log in to {settings.DB_HOST}.", hint)
    if os.geteuid() == 0:
        cmd = ["runuser", "-u", "postgres", "--", "psql", "-X", "-q", "-c", sql]
    elif _sudo():
        cmd = ["sudo", "-n", "-u", "postgres", "psql", "-X", "-q", "-c", sql]
    else:
        raise StepFailed(f"role {user} is missing and this user cannot create it.", hint)
    run(cmd, hint=hint, quiet=True)
    if _psql("SELECT 1").returncode != 0:
        raise StepFailed(
            f"role {user} was made but cannot log in: {_psql('SELECT 1').stderr}",
            "allow password logins from 127.0.0.1 in pg_hba.conf.",
        )
    info(f"role {user} created")


def db_exists(name):
    return _psql(f"SELECT 1 FROM pg_database WHERE datname = '{name}'").stdout.strip() == "1"


def db_param(name, key):
    """A value of ir_config_parameter in database ``name`` (None when absent)."""
    proc = _psql(f"SELECT value FROM ir_config_parameter WHERE key = '{key}'", db=name)
    return proc.stdout.strip() or None if proc.returncode == 0 else None


def module_states(name):
    """{module: state} of database ``name``."""
    out = _psql("SELECT name, state FROM ir_module_module", db=name).stdout
    return dict(line.split("|", 1) for line in out.splitlines() if "|" in line)


def list_dbs(prefix):
    proc = _psql(f"SELECT datname FROM pg_database WHERE datname LIKE '{prefix}%'")
    return proc.stdout.split()


def drop_db(name):
    run(["dropdb", "--if-exists", "--force", name], env=settings.db_env(), quiet=True)
    shutil.rmtree(os.path.join(settings.DATA_DIR, "filestore", name), ignore_errors=True)


def copy_db(template, name):
    drop_db(name)
    run(["createdb", "-T", template, name], env=settings.db_env(), quiet=True)
    src = os.path.join(settings.DATA_DIR, "filestore", template)
    if os.path.isdir(src):
        shutil.copytree(src, os.path.join(settings.DATA_DIR, "filestore", name))


def rename_db(name, new_name):
    """Rename database ``name`` (and its filestore) to ``new_name``, dropping any older
    ``new_name`` first."""
    drop_db(new_name)
    run(
        [
            "psql",
            "-X",
            "-q",
            "-d",
            "postgres",
            "-c",
            f'ALTER DATABASE "{name}" RENAME TO "{new_name}"',
        ],
        env=settings.db_env(),
        quiet=True,
    )
    src = os.path.join(settings.DATA_DIR, "filestore", name)
    if os.path.isdir(src):
        os.rename(src, os.path.join(settings.DATA_DIR, "filestore", new_name))
