"""One set of conventions for the whole tree (architecture issue): the same folder names in
every addon, simulators and benchmarks outside addon packages, every test file reachable by
Odoo's own runner, short files, one formatter."""

import ast
import glob
import os
import subprocess
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ADDONS_DIR = os.path.join(ROOT, "addons")
ADDONS = sorted(
    d
    for d in os.listdir(ADDONS_DIR)
    if os.path.isfile(os.path.join(ADDONS_DIR, d, "__manifest__.py"))
)
MAX_LINES = 500
# A long file says why at its top, in its module docstring.
LONG_FILE_MARK = "Why this file is long:"


def _imported_modules(init_path):
    """Names that ``from . import …`` brings in, in a tests/__init__.py."""
    with open(init_path, encoding="utf-8") as fh:
        tree = ast.parse(fh.read())
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level == 1 and not node.module:
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 1:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("addon", ADDONS)
def test_odoo_runner_imports_every_test_file(addon):
    """Odoo's --test-enable runs what tests/__init__.py imports, nothing else."""
    files = glob.glob(os.path.join(ADDONS_DIR, addon, "tests", "test_*.py"))
    if not files:
        pytest.skip(f"{addon} has no tests yet")
    imported = _imported_modules(os.path.join(ADDONS_DIR, addon, "tests", "__init__.py"))
    missing = sorted(
        os.path.basename(f)[:-3] for f in files if os.path.basename(f)[:-3] not in imported
    )
    assert not missing, f"{addon}/tests/__init__.py does not import {missing}"


def test_the_import_check_sees_a_missing_test_file(tmp_path):
    init = tmp_path / "__init__.py"
    init.write_text("from . import (\n    test_a,\n)\nfrom . import test_b\n")
    assert _imported_modules(str(init)) == {"test_a", "test_b"}


def test_addons_keep_helpers_in_lib_and_nothing_of_tools():
    """Plain-Python helpers live in an addon's lib/; simulators and benchmarks live in the
    repository's tools/, never inside an addon package."""
    found = [os.path.relpath(p, ROOT) for p in glob.glob(os.path.join(ADDONS_DIR, "*", "tools"))]
    found += [
        os.path.relpath(p, ROOT)
        for pattern in ("*simulator*.py", "bench*.py")
        for p in glob.glob(os.path.join(ADDONS_DIR, "*", "**", pattern), recursive=True)
        if "/tests/" not in p
    ]
    assert not found, f"move these to lib/ or to the repository's tools/: {found}"


def test_no_python_file_is_long_without_a_reason():
    long_files = []
    for path in glob.glob(os.path.join(ADDONS_DIR, "*", "**", "*.py"), recursive=True):
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
        if text.count("\n") <= MAX_LINES:
            continue
        docstring = ast.get_docstring(ast.parse(text)) or ""
        if LONG_FILE_MARK not in docstring:
            long_files.append(f"{os.path.relpath(path, ROOT)} ({text.count(chr(10))} lines)")
    assert not long_files, (
        f"over {MAX_LINES} lines without '{LONG_FILE_MARK}' at the top: {long_files}"
    )


def test_the_tree_is_formatted_with_ruff():
    ruff = os.path.join(os.path.dirname(sys.executable), "ruff")
    proc = subprocess.run(
        [ruff, "format", "--check", "--no-cache", "addons", "tools", "tests", "mall"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
