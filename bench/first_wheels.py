"""Maintainer script (network): the first release of each catalog package with a wheel for each CPython minor.

    python bench/first_wheels.py      # writes templates/knowledge/first-wheels.toml

`dockgen new --from` reads the result: a source pin older than the first release that installs on the new image's
Python (numpy==1.17.3 on Python 3.11) would make pip build an sdist that no longer compiles, or conda fail to solve,
so the converter raises it to that release and says so. A release counts for a minor when it has a wheel for CPython
X.Y on Linux x86_64 (cpXY or abi3 at or below it, manylinux or musllinux) or a pure-Python wheel admitted by its
Requires-Python.
"""

from __future__ import annotations

import datetime
import json
import re
import sys
import tomllib
import urllib.request
from pathlib import Path

from packaging.specifiers import InvalidSpecifier, SpecifierSet
from packaging.version import InvalidVersion, Version

ROOT = Path(__file__).resolve().parent.parent
PYTHONS = ("3.10", "3.11", "3.12", "3.13", "3.14")
OUT = ROOT / "templates" / "knowledge" / "first-wheels.toml"
# Packages whose sdist builds on any Python against a library the image installs for it: a pin older than their first
# wheel still installs, so it is not raised.
BUILT_FROM_SOURCE = frozenset({"mpi4py", "GDAL"})


def _releases(project: str) -> dict[str, list[dict[str, object]]]:
    with urllib.request.urlopen(f"https://pypi.org/pypi/{project}/json", timeout=120) as response:
        data = json.load(response)
    releases: dict[str, list[dict[str, object]]] = data["releases"]
    return releases


def _admits(file: dict[str, object], python: str) -> bool:
    requires = str(file.get("requires_python") or "")
    try:
        return not requires or SpecifierSet(requires).contains(f"{python}.0")
    except InvalidSpecifier:
        return False


def _wheel_kind(files: list[dict[str, object]], python: str) -> str:
    """"binary" when a release has a Linux x86_64 wheel built for ``python``, "pure" for a pure-Python wheel that
    admits it, "" for neither."""
    minor = int(python.split(".")[1])
    kind = ""
    for file in files:
        name = str(file.get("filename", ""))
        if not name.endswith(".whl") or file.get("yanked"):
            continue
        tags = name[:-4].split("-")[-3:]
        if len(tags) != 3:
            continue
        interpreter, abi, platform = tags
        if platform == "any":
            kind = kind or ("pure" if _admits(file, python) else "")
            continue
        if "x86_64" not in platform or not ("manylinux" in platform or "musllinux" in platform):
            continue
        for tag in interpreter.split("."):
            found = re.fullmatch(r"cp3(\d+)", tag)
            if found and (int(found.group(1)) == minor or abi == "abi3" and int(found.group(1)) <= minor):
                return "binary"
            if tag in ("py3", "py2.py3") and _admits(file, python):
                return "binary"
    return kind


def first_wheels(project: str) -> dict[str, str]:
    releases = _releases(project)
    versions: list[tuple[Version, str]] = []
    for text in releases:
        try:
            version = Version(text)
        except InvalidVersion:
            continue
        if not version.is_prerelease and not version.is_devrelease:
            versions.append((version, text))
    versions.sort()
    found: dict[str, str] = {}
    for python in PYTHONS:
        for _, text in versions:
            kind = _wheel_kind(releases[text], python)
            if kind == "binary":
                found[python] = text
            if kind:
                break  # the first release that installs; a pure-Python one needs no raise
    return found


def main() -> int:
    projects: list[str] = []
    for path in sorted((ROOT / "templates" / "packages").glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        pip_name = str(data.get("pip", data.get("name", path.stem)))
        if pip_name not in projects and pip_name not in BUILT_FROM_SOURCE:
            projects.append(pip_name)
    lines = ["# The first release of each catalog package that installs from a wheel on each CPython minor (Linux",
             "# x86_64), from PyPI's JSON API, for the packages whose older releases are compiled: an older pin would",
             "# build an sdist that no longer compiles there. Written by bench/first_wheels.py; do not edit by hand.",
             f"# Recorded {datetime.date.today().isoformat()}.", ""]
    for project in projects:
        try:
            found = first_wheels(project)
        except OSError as error:
            print(f"{project}: {error}", file=sys.stderr)
            continue
        print(project, found)
        if not found:
            continue
        lines.append(f'["{project}"]')
        lines.extend(f'"{python}" = "{version}"' for python, version in found.items())
        lines.append("")
    OUT.write_text("\n".join(lines), encoding="utf-8")
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
