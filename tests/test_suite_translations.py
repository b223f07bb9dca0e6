"""Every term a user can see in a Mall Suite addon has its zh_CN translation."""

import os

import polib
import pytest
from mallctl import settings

import odoo
from odoo.modules.registry import Registry
from odoo.tools.translate import TranslationModuleReader

ADDONS = settings.existing_addons()


@pytest.fixture(scope="module")
def cursor():
    with Registry(odoo.tools.config["db_name"][0]).cursor() as cr:
        yield cr


def _po(addon):
    path = os.path.join(settings.ADDONS, addon, "i18n", "zh_CN.po")
    assert os.path.exists(path), f"{addon} has no i18n/zh_CN.po"
    return polib.pofile(path)


@pytest.mark.parametrize("addon", ADDONS)
def test_every_term_has_a_chinese_translation(addon, cursor):
    translated = {e.msgid for e in _po(addon) if e.msgstr.strip()}
    terms = {
        source
        for module, _t, _n, _r, source, _v, _c in TranslationModuleReader(cursor, modules=[addon])
        if module == addon
    }
    missing = sorted(terms - translated)
    assert not missing, (
        f"{addon}: {len(missing)} terms without zh_CN translation "
        f"(run ./mall i18n {addon} and fill i18n/zh_CN.po): {missing[:20]}"
    )


@pytest.mark.parametrize("addon", ADDONS)
def test_translations_keep_their_placeholders(addon):
    for entry in _po(addon):
        if not entry.msgstr:
            continue
        for token in ("%s", "%d", "%(", "{"):
            assert entry.msgid.count(token) == entry.msgstr.count(token), (
                f"{addon}: placeholders differ in {entry.msgid!r} -> {entry.msgstr!r}"
            )
