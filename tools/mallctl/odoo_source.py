"""Odoo 19 Community: the user's own source (ODOO_SRC) or Debian's ``odoo-19`` package,
extracted into a git-ignored folder (never installed system-wide, never vendored)."""

import ast
import glob
import os
import re
import shutil

from . import settings
from .steps import StepFailed, info, run, warn

DEBIAN = "http://deb.debian.org/debian"
KEYRING = "/usr/share/keyrings/debian-archive-keyring.gpg"
# odoo-19 is only in sid; the JS libraries and fonts its relative symlinks point at come from
# the same suite, except Font Awesome: sid carries 7.x, whose files no longer bear the 4.7
# names Odoo's web client links to, so that one comes from bookworm.
PACKAGES = [
    "odoo-19",
    "libjs-jquery",
    "libjs-underscore",
    "libjs-jquery-form",
    "fonts-font-awesome/bookworm",
    "fonts-roboto-unhinted",
    "fonts-montserrat",
    "fonts-inconsolata",
    "fonts-ocr-b",
]
STAMP = os.path.join(settings.ODOO_DEB_ROOT, ".complete")


def _dist_packages():
    return os.path.join(settings.ODOO_DEB_ROOT, "usr", "lib", "python3", "dist-packages")


def locate():
    """Return (python_path, addons_paths, version) of the Odoo in use, or None if not there."""
    if settings.ODOO_SRC:
        src = os.path.abspath(settings.ODOO_SRC)
        addons = [
            p
            for p in (os.path.join(src, "addons"), os.path.join(src, "odoo", "addons"))
            if os.path.isdir(p)
        ]
        return src, addons, _version(os.path.join(src, "odoo", "release.py"))
    if not os.path.exists(STAMP):
        return None
    dist = _dist_packages()
    return (
        dist,
        [os.path.join(dist, "odoo", "addons")],
        _version(os.path.join(dist, "odoo", "release.py")),
    )


def _version(release_py):
    try:
        with open(release_py, encoding="utf-8") as fh:
            text = fh.read()
    except OSError:
        return None
    match = re.search(r"version_info = \((\d+), (\d+)", text)
    return f"{match.group(1)}.{match.group(2)}" if match else None


def ensure():
    """Make Odoo 19 available; return (python_path, addons_paths, version)."""
    if settings.ODOO_SRC:
        found = locate()
        if found[2] != "19.0":
            raise StepFailed(
                f"ODOO_SRC={settings.ODOO_SRC} is not an Odoo 19.0 source tree "
                f"(odoo/release.py says {found[2] or 'nothing'}).",
                "point ODOO_SRC at a checkout of Odoo 19.0 Community, or unset it to use "
                "Debian's odoo-19 package.",
            )
        info(f"using your Odoo source at {found[0]}")
        return found
    found = locate()
    if found:
        info(f"Odoo {found[2]} already extracted in {settings.ODOO_DEB_ROOT}")
        _stub_stripped_libraries(found[1][0])
        return found
    _fetch_debian_package()
    found = locate()
    if found:
        _stub_stripped_libraries(found[1][0])
    if not found or found[2] != "19.0":
        raise StepFailed(
            "the extracted odoo-19 package holds no Odoo 19.0.",
            "remove .mall/odoo-root and run again, or set ODOO_SRC.",
        )
    return found


def _fetch_debian_package():
    for tool in ("apt-get", "dpkg-deb"):
        if not shutil.which(tool):
            raise StepFailed(
                f"`{tool}` is missing: Odoo is taken from Debian's odoo-19 package.",
                "run on Debian/Ubuntu, or set ODOO_SRC to your own Odoo 19 source.",
            )
    apt = os.path.join(settings.HOME, "apt")
    debs = os.path.join(apt, "debs")
    for sub in ("lists/partial", "cache/archives/partial", "debs"):
        os.makedirs(os.path.join(apt, sub), exist_ok=True)
    sources = os.path.join(apt, "sources.list")
    with open(sources, "w", encoding="utf-8") as fh:
        for suite in ("sid", "bookworm"):
            fh.write(f"deb [signed-by={KEYRING}] {DEBIAN} {suite} main\n")
    options = [
        "-o",
        f"Dir::Etc::SourceList={sources}",
        "-o",
        "Dir::Etc::SourceParts=/dev/null",
        "-o",
        f"Dir::State::Lists={apt}/lists",
        "-o",
        f"Dir::Cache={apt}/cache",
        "-o",
        "APT::Sandbox::User=root" if os.geteuid() == 0 else "Debug::NoLocking=1",
    ]
    hint = "check that Debian's archive is reachable (apt-get update works), or set ODOO_SRC."
    info("reading Debian's package lists (sid, bookworm)")
    run(["apt-get", *options, "update", "-q"], hint=hint, quiet=True)
    for old in glob.glob(os.path.join(debs, "*.deb")):
        os.remove(old)
    info("downloading " + ", ".join(PACKAGES))
    run(["apt-get", *options, "download", *PACKAGES], hint=hint, cwd=debs, quiet=True)
    tmp = settings.ODOO_DEB_ROOT + ".partial"
    shutil.rmtree(tmp, ignore_errors=True)
    for deb in sorted(glob.glob(os.path.join(debs, "*.deb"))):
        run(["dpkg-deb", "-x", deb, tmp], hint=hint, quiet=True)
    dangling = [
        p
        for p in glob.glob(
            os.path.join(tmp, "usr/lib/python3/dist-packages/odoo/**"), recursive=True
        )
        if os.path.islink(p) and not os.path.exists(p)
    ]
    if dangling:
        warn(f"{len(dangling)} links of the package point nowhere, e.g. {dangling[0]}")
    shutil.rmtree(settings.ODOO_DEB_ROOT, ignore_errors=True)
    os.rename(tmp, settings.ODOO_DEB_ROOT)
    versions = sorted(os.path.basename(p) for p in glob.glob(os.path.join(debs, "*.deb")))
    with open(STAMP, "w", encoding="utf-8") as fh:
        fh.write("\n".join(versions) + "\n")
    info(f"extracted {len(versions)} packages into {settings.ODOO_DEB_ROOT}")


def _stub_stripped_libraries(addons_dir):
    """Debian's package leaves out some third-party JavaScript libraries (DFSG) that asset
    bundles still list: mail's selfie_segmentation (background blur in video calls). A missing
    file breaks the bundle with an error in every page's console (and fails every tour), so an
    empty file stands in for each; only that one feature is then unavailable."""
    with open(STAMP, encoding="utf-8") as fh:
        if "stubbed stripped libraries" in fh.read():
            return
    stubbed = []
    for manifest in glob.glob(os.path.join(addons_dir, "*", "__manifest__.py")):
        with open(manifest, encoding="utf-8") as fh:
            assets = ast.literal_eval(fh.read()).get("assets", {})
        for entries in assets.values():
            for entry in entries:
                path = entry if isinstance(entry, str) else None
                if (
                    not path
                    or "/static/lib/" not in path
                    or not path.endswith(".js")
                    or any(c in path for c in "*?[")
                ):
                    continue
                full = os.path.join(addons_dir, path.lstrip("/"))
                if not os.path.exists(full):
                    os.makedirs(os.path.dirname(full), exist_ok=True)
                    with open(full, "w", encoding="utf-8") as out:
                        out.write(
                            "/* Left out of Debian's odoo-19 package (DFSG); an empty "
                            "stand-in put here by Mall Suite's set-up. */\n"
                        )
                    stubbed.append(path)
    for path in stubbed:
        info(f"stand-in for a library Debian leaves out: {path}")
    with open(STAMP, "a", encoding="utf-8") as fh:
        fh.write("stubbed stripped libraries\n")
