"""Every pin `dockgen new` can write installs: pip's resolver, run by `bench/refresh_catalog.py` against PyPI for
each catalog package, each Python dockgen offers and manylinux x86_64 and aarch64 (with `--only-binary=:all:`, so
with wheels for the pin and all its dependencies), found a solution. The record is read here without network; a
pin changed in the catalog without a refresh fails, because the recorded requirement no longer matches."""

from __future__ import annotations

import json
from pathlib import Path

from bench.refresh_catalog import MACHINES, PYTHONS, pin_for
from dockgen.generator.catalog import load

RECORD = json.loads((Path(__file__).parent / "data" / "pypi" / "catalog-resolve.json").read_text(encoding="utf-8"))


def _claims() -> list[tuple[str, str, str, str]]:
    """(package, requirement, Python, machine) for every pin the catalog would render on a manylinux image."""
    catalog = load()
    claims = [(package.name, f"{package.pip}=={pin_for(package, python)}", python, machine)
              for package in catalog.packages.values() if package.wheels and package.version != "system"
              for python in PYTHONS if pin_for(package, python) for machine in MACHINES]
    return claims + [("uv", f"uv=={catalog.uv}", python, machine) for python in PYTHONS for machine in MACHINES]


def test_the_record_covers_every_package_with_wheels() -> None:
    catalog = load()
    assert {name for name, *_ in _claims()} == {p.name for p in catalog.packages.values()
                                                if p.wheels and p.version != "system"} | {"uv"}
    assert len(_claims()) >= 200


def test_every_pin_resolves() -> None:
    problems = []
    for name, requirement, python, machine in _claims():
        entry = RECORD["results"].get(name, {}).get(python, {}).get(machine)
        where = f"{requirement} on Python {python}, {machine}"
        if entry is None or entry["requirement"] != requirement:
            problems.append(f"{where}: not in the record (the catalog changed): run bench/refresh_catalog.py")
        elif not entry["ok"] or entry["packages"] < 1:
            problems.append(f"{where}: {entry.get('error')}")
    assert not problems, "\n".join(problems)
