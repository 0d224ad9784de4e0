"""Maintainer script (network): record what PyPI says about each catalog pin, for tests/test_catalog_facts.py.

    python bench/pypi_facts.py            # writes tests/data/pypi/catalog-facts.json

For every catalog package (and its CPU/GPU distribution names) it records, for the pinned version and for each
per-Python pin (``python-pins``), the files' ``Requires-Python`` and the names of the Linux wheels; and, for each
CPython minor dockgen offers, the newest release whose ``Requires-Python`` admits it; and the first release. The test then checks the
catalog against this record without network access.
"""

from __future__ import annotations

import datetime
import json
import sys
import tomllib
import urllib.request
from pathlib import Path

from packaging.specifiers import InvalidSpecifier, SpecifierSet
from packaging.version import InvalidVersion, Version

ROOT = Path(__file__).resolve().parent.parent
PYTHONS = ("3.11", "3.12", "3.13", "3.14")
OUT = ROOT / "tests" / "data" / "pypi" / "catalog-facts.json"


def _json(project: str) -> dict[str, object]:
    with urllib.request.urlopen(f"https://pypi.org/pypi/{project}/json", timeout=60) as response:
        data: dict[str, object] = json.load(response)
        return data


def _release(files: list[dict[str, object]]) -> dict[str, object]:
    requires = sorted({str(f.get("requires_python") or "") for f in files})
    wheels = sorted(str(f["filename"]) for f in files
                    if str(f["filename"]).endswith(".whl") and ("linux" in str(f["filename"])
                                                              or "-none-any" in str(f["filename"])))
    return {"requires-python": requires[-1] if requires else "", "linux-wheels": wheels,
            "sdist": any(str(f["filename"]).endswith((".tar.gz", ".zip")) for f in files)}


def _newest_for(releases: dict[str, list[dict[str, object]]], python: str) -> str:
    best: Version | None = None
    for text, files in releases.items():
        try:
            version = Version(text)
        except InvalidVersion:
            continue
        if not files or version.is_prerelease or any(f.get("yanked") for f in files):
            continue
        try:
            allowed = python in SpecifierSet(str(files[0].get("requires_python") or ""))
        except InvalidSpecifier:  # some old releases carry a malformed Requires-Python
            continue
        if allowed and (best is None or version > best):
            best = version
    return str(best or "")


def _first(releases: dict[str, list[dict[str, object]]]) -> str:
    """The oldest final release that has files (what ``pip-from`` in the catalog is checked against)."""
    versions = []
    for text, files in releases.items():
        try:
            version = Version(text)
        except InvalidVersion:
            continue
        if files and not version.is_prerelease:
            versions.append(version)
    return str(min(versions)) if versions else ""


def main() -> int:
    facts: dict[str, object] = {"date": datetime.date.today().isoformat(), "projects": {}}
    projects: dict[str, set[str]] = {}
    for path in sorted((ROOT / "templates" / "packages").glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        versions = {str(data["version"]), *map(str, data.get("python-pins", {}).values())} - {"system"}
        for name in {data["pip"], data.get("gpu-pip", "").split("[")[0]} - {""}:
            projects.setdefault(name, set()).update(versions)
    out: dict[str, object] = {}
    for project, versions in sorted(projects.items()):
        print(project, file=sys.stderr)
        data = _json(project)
        releases, info = data["releases"], data["info"]
        assert isinstance(releases, dict) and isinstance(info, dict)
        out[project] = {
            "releases": {v: _release(releases[v]) for v in sorted(versions) if v in releases},
            "newest-for": {python: _newest_for(releases, python) for python in PYTHONS},
            "first": _first(releases),
            # The CUDA libraries the newest release's wheels pull (what a GPU image's driver must support).
            "latest": str(info["version"]),
            "cuda-requires": sorted(r for r in info.get("requires_dist") or () if "nvidia" in r or "cuda" in r),
        }
    facts["projects"] = out
    OUT.write_text(json.dumps(facts, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
