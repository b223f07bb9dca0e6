"""The Python 3.11 virtual environment: Odoo's pinned requirements plus the project's own."""

import hashlib
import os
import shutil
import subprocess

from . import settings
from .steps import StepFailed, info, run

REQUIREMENTS = [
    os.path.join(settings.ROOT, "tools", "requirements-odoo.txt"),
    os.path.join(settings.ROOT, "requirements.txt"),
]
STAMP = os.path.join(settings.VENV, ".mall-requirements")
PIP_NOISE = ("is ignored: it is neither a file nor a directory", "DEPRECATION:")


def _python():
    for candidate in (settings.PYTHON, "python3"):
        exe = shutil.which(candidate)
        if not exe:
            continue
        out = subprocess.run(
            [exe, "-c", "import sys; print(sys.version_info[:2] == (3, 11))"],
            capture_output=True,
            text=True,
            check=False,
        ).stdout.strip()
        if out == "True":
            return exe
    raise StepFailed(
        "no Python 3.11 found (Odoo 19's requirements are pinned for it).",
        "install python3.11 (Debian bookworm's python3) or set MALL_PYTHON.",
    )


def _wanted(odoo_path):
    digest = hashlib.sha256(odoo_path.encode())
    for path in REQUIREMENTS:
        with open(path, "rb") as fh:
            digest.update(fh.read())
    return digest.hexdigest()


def ensure(odoo_path):
    wanted = _wanted(odoo_path)
    if os.path.exists(STAMP):
        with open(STAMP, encoding="utf-8") as fh:
            if fh.read().strip() == wanted:
                info(f"venv up to date in {settings.VENV}")
                return
    if not os.path.exists(settings.VENV_PYTHON):
        python = _python()
        info(f"creating venv with {python}")
        run(
            [python, "-m", "venv", settings.VENV],
            quiet=True,
            hint="install the venv module (Debian: python3-venv).",
        )
    # A .pth naming Odoo makes `import odoo` work, and lets pip see the odoo 19.0 distribution
    # (the egg-info) that the OCA wheels depend on.
    purelib = subprocess.run(
        [settings.VENV_PYTHON, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    with open(os.path.join(purelib, "mall-odoo.pth"), "w", encoding="utf-8") as fh:
        fh.write(odoo_path + "\n")
    if settings.ODOO_SRC and not any(
        n.endswith((".egg-info", ".dist-info")) for n in os.listdir(odoo_path)
    ):
        # A plain git checkout has no metadata: install it in place so pip knows `odoo`.
        run(
            [settings.VENV_PYTHON, "-m", "pip", "install", "-q", "--no-deps", "-e", odoo_path],
            filter_out=PIP_NOISE,
            quiet=True,
            hint="check ODOO_SRC.",
        )
    info("installing Python requirements (Odoo's pinned ones, then the suite's)")
    args = [settings.VENV_PYTHON, "-m", "pip", "install", "-q", "--disable-pip-version-check"]
    for path in REQUIREMENTS:
        args += ["-r", path]
    run(
        args,
        filter_out=PIP_NOISE,
        quiet=True,
        hint="check that PyPI is reachable; build errors usually mean a missing -dev package.",
    )
    with open(STAMP, "w", encoding="utf-8") as fh:
        fh.write(wanted + "\n")
