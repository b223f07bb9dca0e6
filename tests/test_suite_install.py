"""Each addon installs alone, with only its own dependencies, on an empty database; and all
eight install together.

An alone-install database is kept under the hash of the code it proved, so an unchanged tree is
not installed again; the Odoo modules an addon needs outside the suite are installed once into
a template per set of them."""
import ast
import hashlib
import os

import pytest
from mallctl import databases, odoo_source, settings, system

import odoo

ADDONS = settings.existing_addons()


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
            if dep.startswith("mall_"):
                todo.append(dep)
            else:
                other.add(dep)
    return mall, other


def _installed(db, names):
    return {name: state for name, state in system.module_states(db).items() if name in names}


def _template_for(other):
    version = (odoo_source.locate() or (None, None, ""))[2]
    key = hashlib.sha256(f"{version}|{sorted(other)}".encode()).hexdigest()[:10]
    name = f"mall_deps_{key}"
    if system.db_param(name, "mall_suite.deps") != key:
        databases.install_plain(name, sorted(other))
        databases.job(name, "mark", "mall_suite.deps", key)
    return name


def test_the_manifests_form_an_acyclic_graph_of_the_suite():
    for addon in ADDONS:
        mall, _other = _closure(addon)
        for dep in mall - {addon}:
            assert addon not in _closure(dep)[0], f"{addon} and {dep} depend on each other"


def test_all_addons_installed_together():
    states = _installed(odoo.tools.config["db_name"][0], ADDONS)
    assert states == dict.fromkeys(ADDONS, "installed")


@pytest.mark.parametrize("addon", ADDONS)
def test_addon_installs_alone_on_an_empty_database(addon):
    code_hash = os.environ.get("MALL_CODE_HASH") or settings.code_hash()
    mall, other = _closure(addon)
    db = f"mall_alone_{addon}"
    if system.db_param(db, "mall_suite.code_hash") != code_hash:
        system.copy_db(_template_for(other), db)
        databases.odoo(db, "-i", addon, log_name=f"{db}-install")
        databases.job(db, "mark", "mall_suite.code_hash", code_hash)
    states = _installed(db, set(ADDONS))
    assert {a for a, s in states.items() if s == "installed"} == mall, (
        f"installing {addon} alone should install exactly {sorted(mall)}")
