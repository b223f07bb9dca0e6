"""Merge a freshly exported .pot into an addon's zh_CN.po, keeping the translations it already
has (like msgmerge), and report what is still untranslated.

    python po_merge.py ADDON_DIR
"""

import os
import sys

import polib


def merge(addon_dir):
    name = os.path.basename(os.path.normpath(addon_dir))
    pot = polib.pofile(os.path.join(addon_dir, "i18n", f"{name}.pot"))
    po_path = os.path.join(addon_dir, "i18n", "zh_CN.po")
    old = polib.pofile(po_path) if os.path.exists(po_path) else polib.POFile()
    known = {(e.msgctxt, e.msgid): e.msgstr for e in old if e.msgstr}
    by_id = {e.msgid: e.msgstr for e in old if e.msgstr}
    po = polib.POFile(wrapwidth=78)
    po.metadata = dict(pot.metadata)
    po.metadata.update(
        {
            "Language": "zh_CN",
            "Language-Team": "Chinese (Simplified)",
            "Plural-Forms": "nplurals=1; plural=0;",
        }
    )
    po.header = (
        "Translation of Odoo Server.\n"
        f"This file contains the translation of the following modules:\n\t* {name}"
    )
    for entry in pot:
        entry.msgstr = known.get((entry.msgctxt, entry.msgid)) or by_id.get(entry.msgid, "")
        po.append(entry)
    po.save(po_path)
    missing = [e.msgid for e in po if not e.msgstr]
    return len(po), missing


if __name__ == "__main__":
    status = 0
    for path in sys.argv[1:]:
        total, missing = merge(path)
        print(f"{os.path.basename(path)}: {total} terms, {len(missing)} untranslated")
        for msgid in missing:
            print(f"    {msgid!r}")
        status = status or bool(missing)
    sys.exit(0)
