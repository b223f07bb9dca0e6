"""Where things live and how to reach the database; every value can be overridden from the
environment (documented in README.md)."""

import glob
import hashlib
import os

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
HOME = os.environ.get("MALL_HOME") or os.path.join(ROOT, ".mall")
ADDONS = os.path.join(ROOT, "addons")
VENV = os.path.realpath(os.path.join(HOME, "venv"))
VENV_PYTHON = os.path.join(VENV, "bin", "python")
CONF = os.path.join(HOME, "odoo.conf")
DATA_DIR = os.path.join(HOME, "filestore")
LOG_DIR = os.path.join(HOME, "logs")
ODOO_DEB_ROOT = os.path.realpath(os.path.join(HOME, "odoo-root"))

PYTHON = os.environ.get("MALL_PYTHON", "python3.11")
ODOO_SRC = os.environ.get("ODOO_SRC", "")
DB_HOST = os.environ.get("MALL_DB_HOST", "127.0.0.1")
DB_PORT = os.environ.get("MALL_DB_PORT", "5432")
DB_USER = os.environ.get("MALL_DB_USER", "odoo")
DB_PASSWORD = os.environ.get("MALL_DB_PASSWORD", "odoo")
DEMO_DB = os.environ.get("MALL_DB", "mall_demo")
TEST_DB = os.environ.get("MALL_TEST_DB", "mall_test")
HTTP_PORT = int(os.environ.get("MALL_HTTP_PORT", "8069"))

# The suite's addons in dependency order (lowest first).
MALL_ADDONS = [
    "sms_aliyun",
    "mall_leasing",
    "mall_tenant",
    "mall_contract",
    "mall_billing",
    "mall_meter",
    "mall_dunning",
    "mall_deposit",
    "mall_finance",
    "mall_einvoice",
    "mall_renovation",
    "mall_helpdesk",
    "mall_operations",
]
# Bump when the way databases are built changes, so cached databases are rebuilt.
BUILD_VERSION = "1"


def existing_addons():
    return [a for a in MALL_ADDONS if os.path.isfile(os.path.join(ADDONS, a, "__manifest__.py"))]


def _hash_files(digest, paths):
    for path in sorted(paths):
        rel = os.path.relpath(path, ROOT)
        digest.update(rel.encode())
        with open(path, "rb") as fh:
            digest.update(hashlib.sha256(fh.read()).digest())


def code_hash(odoo_version=""):
    """Hash of everything that shapes an installed database: the addons' code and data (their
    Python tests excepted), the requirements and the Odoo release. Same hash, same database."""
    digest = hashlib.sha256(f"{BUILD_VERSION}|{odoo_version}".encode())
    files = []
    for dirpath, dirnames, filenames in os.walk(ADDONS):
        dirnames[:] = sorted(d for d in dirnames if d not in ("__pycache__", "tests"))
        files += [os.path.join(dirpath, f) for f in filenames if not f.endswith((".pyc", ".md"))]
    files += glob.glob(os.path.join(ROOT, "requirements.txt"))
    files += glob.glob(os.path.join(ROOT, "tools", "requirements-*.txt"))
    _hash_files(digest, files)
    return digest.hexdigest()[:12]


def db_env():
    env = dict(os.environ)
    env.update(PGHOST=DB_HOST, PGPORT=DB_PORT, PGUSER=DB_USER, PGPASSWORD=DB_PASSWORD)
    return env
