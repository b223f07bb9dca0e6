"""Each addon installs alone, with only its own dependencies, on an empty database; and all
of them install together.

An alone-database is kept under the hash of the code it proved, so an unchanged tree is not
installed again. Each is built from a copy of its parent's (the addon's dependencies and nothing
more), so a run installs each addon once."""

import ast
import os

import pytest
from mallctl import databases, odoo_source, settings, system
from mallctl.steps import StepFailed

import odoo

ADDONS = settings.existing_addons()
# Named after the test database, so that two checkouts testing side by side never share one.
ALONE = f"{settings.TEST_DB}_alone_"


def _manifest(addon):
    with open(os.path.join(settings.ADDONS, addon, "__manifest__.py"), encoding="utf-8") as fh:
        return ast.literal_eval(fh.read())


def _closure(addon):
    """(mall addons, other modules) that installing ``addon`` brings in, itself included."""
    mall, other, todo = set(), set(), [addon]
    while todo:
        name = todo.pop()
        if name in mall:
            continue
        mall.add(name)
        for dep in _manifest(name)["depends"]:
            if dep in settings.MALL_ADDONS:
                todo.append(dep)
            else:
                other.add(dep)
    return mall, other


def _installed(db, names):
    return {name: state for name, state in system.module_states(db).items() if name in names}


def _empty_db():
    """A database with only base installed, kept per Odoo version."""
    version = (odoo_source.locate() or (None, None, ""))[2]
    name = f"{ALONE}base"
    if system.db_param(name, "mall_suite.odoo_version") != version:
        databases.install_plain(name, ["base"])
        databases.job(name, "mark", "mall_suite.odoo_version", version)
    return name


def _parent(addon):
    """The database to start from: the alone-database of the mall dependency that brings in
    most of ``addon``'s own dependencies (so only ``addon`` itself remains to install), or the
    empty database for the lowest addon. Installing on it is installing ``addon`` alone: it
    holds nothing but what ``addon`` depends on."""
    mall, _other = _closure(addon)
    deps = [d for d in _manifest(addon)["depends"] if d in settings.MALL_ADDONS]
    if not deps:
        return _empty_db()
    best = max(deps, key=lambda d: len(_closure(d)[0]))
    assert _closure(best)[0] <= mall
    return f"{ALONE}{best}"


@pytest.fixture(scope="module")
def alone_dbs():
    """Build the alone-databases not cached for this code, lowest addon first, each one from
    its parent's. Returns {addon: error} for those that failed."""
    code_hash = os.environ.get("MALL_CODE_HASH") or settings.code_hash()
    errors = {}
    for addon in ADDONS:  # dependency order: parents are built first
        db = f"{ALONE}{addon}"
        if system.db_param(db, "mall_suite.code_hash") == code_hash:
            continue
        broken = [d for d in _closure(addon)[0] - {addon} if d in errors]
        if broken:
            errors[addon] = f"depends on {broken}, which failed"
            continue
        try:
            system.copy_db(_parent(addon), db)
            databases.odoo(db, "-i", addon, log_name=f"{db}-install")
            databases.job(db, "mark", "mall_suite.code_hash", code_hash)
        except StepFailed as exc:
            errors[addon] = exc.message
    return errors


def test_the_manifests_form_an_acyclic_graph_of_the_suite():
    for addon in ADDONS:
        mall, _other = _closure(addon)
        for dep in mall - {addon}:
            assert addon not in _closure(dep)[0], f"{addon} and {dep} depend on each other"


def test_all_addons_installed_together():
    states = _installed(odoo.tools.config["db_name"][0], ADDONS)
    assert states == dict.fromkeys(ADDONS, "installed")


@pytest.mark.parametrize("addon", ADDONS)
def test_addon_installs_alone_on_an_empty_database(addon, alone_dbs):
    if addon in alone_dbs:
        pytest.fail(alone_dbs[addon])
    mall, _other = _closure(addon)
    states = _installed(f"{ALONE}{addon}", set(ADDONS))
    assert {a for a, s in states.items() if s == "installed"} == mall, (
        f"installing {addon} alone should install exactly {sorted(mall)}"
    )
