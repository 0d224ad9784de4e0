"""Maintainer script (network): check with pip's resolver that every catalog pin installs, for every Python and
platform the catalog offers, and record the results for tests/test_catalog_resolve.py.

    python bench/refresh_catalog.py [--pip PATH] [--jobs N] [--table-only]

For each catalog package, each CPython minor dockgen offers and each platform (manylinux x86_64 and aarch64), the
pin ``dockgen new`` would choose (the catalog's version, or its ``python-pins`` entry, or none: refused) is
resolved with ``pip install --dry-run --report --only-binary=:all: --python-version --platform`` against PyPI, with
its dependencies. Writes tests/data/pypi/catalog-resolve.json and bench/catalog_ranges.md. ``--pip`` names a recent
pip (the resolver behaves the same across recent releases; 26.3 was used). Packages dockgen compiles (GDAL) are
listed, not resolved; packages installed from the PyTorch CPU index are resolved on PyPI (same versions), because
the refresh host may not reach that index.
"""

from __future__ import annotations

import argparse
import datetime
import json
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from packaging.specifiers import SpecifierSet

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dockgen.generator.catalog import Package, load  # noqa: E402

PYTHONS = ("3.11", "3.12", "3.13", "3.14")
MACHINES = ("x86_64", "aarch64")
GLIBC = 36  # Debian bookworm's glibc 2.36, the oldest release dockgen's Debian-based images use
OUT = ROOT / "tests" / "data" / "pypi" / "catalog-resolve.json"
TABLE = ROOT / "bench" / "catalog_ranges.md"


def pin_for(package: Package, python: str) -> str:
    """The version ``dockgen new`` pins for ``python``; empty when it refuses that Python."""
    if python in SpecifierSet(package.requires_python):
        return package.version
    return package.python_pins.get(python, "")


def platforms(machine: str) -> list[str]:
    """pip takes the exact tags to accept: every manylinux tag up to the glibc of the oldest image."""
    tags = [f"manylinux_2_{minor}_{machine}" for minor in range(GLIBC, 16, -1)]
    return tags + [f"manylinux2014_{machine}"] + ([f"manylinux_2_12_{machine}", f"manylinux2010_{machine}",
                                                    f"manylinux_2_5_{machine}", f"manylinux1_{machine}"]
                                                   if machine == "x86_64" else [])


def resolve(pip: str, requirement: str, python: str, machine: str) -> dict[str, object]:
    abi = f"cp{python.replace('.', '')}"
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "report.json"
        command = [pip, "install", "--isolated", "--index-url", "https://pypi.org/simple", "--dry-run",
                   "--ignore-installed", "--quiet", "--report", str(report), "--only-binary=:all:",
                   "--python-version", python, "--implementation", "cp", "--abi", abi, "--abi", "abi3",
                   "--abi", "none", *(word for tag in platforms(machine) for word in ("--platform", tag)),
                   requirement]
        result = subprocess.run(command, capture_output=True, text=True, timeout=600, check=False)
        if result.returncode != 0:
            lines = [line for line in result.stderr.splitlines() if line.startswith("ERROR")]
            return {"ok": False, "error": " ".join(lines)[:400] or result.stderr[-400:]}
        installed = json.loads(report.read_text(encoding="utf-8"))["install"]
    return {"ok": True, "packages": len(installed)}


def jobs() -> list[tuple[str, str, str, str]]:
    """(package, requirement, python, machine) for every pin that is checked."""
    out = []
    catalog = load()
    for package in catalog.packages.values():
        if not package.wheels or package.version == "system":
            continue
        for python in PYTHONS:
            version = pin_for(package, python)
            if version:
                out += [(package.name, f"{package.pip}=={version}", python, machine) for machine in MACHINES]
    out += [("uv", f"uv=={catalog.uv}", python, machine) for python in PYTHONS for machine in MACHINES]
    return out


def table(record: dict[str, dict[str, dict[str, dict[str, object]]]]) -> str:
    catalog = load()
    lines = [f"# Catalog pins checked with pip's resolver ({datetime.date.today().isoformat()})", "",
             "Written by `bench/refresh_catalog.py` (pip `--dry-run --only-binary=:all:` against PyPI, each pin",
             "with its dependencies, for manylinux x86_64 and aarch64 up to glibc 2.36). Python range: what the",
             "catalog's pin (or its per-Python pin) supports; \"refused\" Pythons get an error from `dockgen new`.", "",
             "| package | pin (per Python) | Python range | platforms | resolver |", "|---|---|---|---|---|"]
    for package in catalog.packages.values():
        pins = ", ".join(f"{python}: {pin_for(package, python) or 'refused'}" for python in PYTHONS)
        if not package.wheels or package.version == "system":
            lines.append(f"| {package.name} | {pins} | {SpecifierSet(package.requires_python)} | source build | not resolved (compiled "
                         "against the system library) |")
            continue
        results = record.get(package.name, {})
        checked = [(python, machine, entry) for python, machines in results.items()
                   for machine, entry in machines.items()]
        failed = [f"{python}/{machine}" for python, machine, entry in checked if not entry["ok"]]
        verdict = f"{len(checked) - len(failed)}/{len(checked)} resolve" + (
            f"; fails: {', '.join(failed)}" if failed else "")
        lines.append(f"| {package.name} | {pins} | {SpecifierSet(package.requires_python)} | {', '.join(MACHINES)} | {verdict} |")
    uv = [entry for machines in record.get("uv", {}).values() for entry in machines.values()]
    lines += ["", f"uv {catalog.uv} (`--installer uv`): {sum(bool(e['ok']) for e in uv)}/{len(uv)} resolve.",
              "torch, torchvision and torchaudio are resolved on PyPI (the same versions as the PyTorch CPU index the "
              "images use,", "which the refresh host may not reach)."]
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pip", default=str(Path(sys.executable).parent / "pip"))
    parser.add_argument("--jobs", type=int, default=4)
    parser.add_argument("--table-only", action="store_true", help="rewrite the table from the recorded results")
    options = parser.parse_args()
    if options.table_only:
        TABLE.write_text(table(json.loads(OUT.read_text(encoding="utf-8"))["results"]), encoding="utf-8")
        return 0
    pip_version = subprocess.run([options.pip, "--version"], capture_output=True, text=True, check=True).stdout
    work = jobs()
    with ThreadPoolExecutor(options.jobs) as pool:
        results = list(pool.map(lambda job: resolve(options.pip, job[1], job[2], job[3]), work))
    record: dict[str, dict[str, dict[str, dict[str, object]]]] = {}
    for (name, requirement, python, machine), result in zip(work, results):
        record.setdefault(name, {}).setdefault(python, {})[machine] = {"requirement": requirement, **result}
        print(name, python, machine, "ok" if result["ok"] else result["error"], file=sys.stderr)
    OUT.write_text(json.dumps({"date": datetime.date.today().isoformat(), "pip": pip_version.split(" from")[0],
                               "results": record}, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    TABLE.write_text(table(record), encoding="utf-8")
    return 0 if all(result["ok"] for result in results) else 1


if __name__ == "__main__":
    sys.exit(main())
