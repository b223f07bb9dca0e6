"""Lint is part of the test run: ruff and pylint-odoo with the committed settings
(pyproject.toml, .pylintrc); any finding fails."""

import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.dirname(sys.executable)


def _run(args):
    return subprocess.run(args, cwd=ROOT, capture_output=True, text=True, check=False)


def test_ruff_finds_nothing():
    proc = _run(
        [os.path.join(BIN, "ruff"), "check", "--no-cache", "addons", "tools", "tests", "mall"]
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_pylint_odoo_finds_nothing():
    addons = sorted(
        d
        for d in os.listdir(os.path.join(ROOT, "addons"))
        if os.path.isfile(os.path.join(ROOT, "addons", d, "__manifest__.py"))
    )
    proc = _run(
        [
            sys.executable,
            "-m",
            "pylint",
            "--rcfile=.pylintrc",
            *[os.path.join("addons", a) for a in addons],
        ]
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
