"""Check the apt package names in Dockerfiles against the archives of the releases dockgen's bases run.

Maintainer script (needs the network once; the lists are cached in --cache):

    python bench/apt_names.py /tmp/conv-out            # names in converted outputs missing from their release
    python bench/apt_names.py --record tests/data/apt_names.json   # facts for the rename table, for the tests

A name counts as present when the release has a package of that name or exactly one package that provides it (apt
selects a sole provider by itself). Releases: Debian trixie (python:*-slim-trixie, mambaorg/micromamba) and Ubuntu
24.04 (condaforge/miniforge3, nvidia/cuda:*-ubuntu24.04).
"""

from __future__ import annotations

import argparse
import collections
import json
import lzma
import sys
import tomllib
import urllib.request
from pathlib import Path

from dockgen.commands.system import installed_packages
from dockgen.lint.parse import parse_text

ARCHIVES = {  # by the release names the catalog (templates/bases.toml) uses
    "trixie": ["https://deb.debian.org/debian/dists/trixie/main/binary-amd64/Packages.xz"],
    "24.04": [f"http://archive.ubuntu.com/ubuntu/dists/{suite}/{component}/binary-amd64/Packages.xz"
              for suite in ("noble", "noble-updates") for component in ("main", "universe")],
}
RENAMES = Path(__file__).resolve().parent.parent / "templates" / "knowledge" / "convert.toml"


def release_names(release: str, cache: Path) -> dict[str, set[str]]:
    """Name -> the packages that are it or provide it."""
    providers: dict[str, set[str]] = collections.defaultdict(set)
    for number, url in enumerate(ARCHIVES[release]):
        path = cache / f"{release}-{number}.xz"
        if not path.exists():
            cache.mkdir(parents=True, exist_ok=True)
            urllib.request.urlretrieve(url, path)
        package = None
        with lzma.open(path, "rt", encoding="utf-8", errors="replace") as lines:
            for line in lines:
                if line.startswith("Package: "):
                    package = line[9:].strip()
                    providers[package].add(package)
                elif line.startswith("Provides: ") and package:
                    for item in line[10:].split(","):
                        providers[item.strip().split(" ")[0]].add(package)
    return providers


def installable(name: str, providers: dict[str, set[str]]) -> bool:
    found = providers.get(name, set())
    return name in found or len(found) == 1


def release_of(text: str) -> str | None:
    for line in text.splitlines():
        if line.startswith("FROM "):
            image = line.split()[1]
            if image.startswith("python:") and "trixie" in image or image.startswith("mambaorg/micromamba"):
                return "trixie"
            if image.startswith("condaforge/miniforge3") or "ubuntu24.04" in image:
                return "24.04"
    return None


def check_outputs(folder: Path, cache: Path) -> int:
    releases = {release: release_names(release, cache) for release in ARCHIVES}
    missing: collections.Counter[tuple[str, str]] = collections.Counter()
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")
        release = release_of(text)
        if release is None:
            continue
        for instruction in parse_text(text).instructions:
            for command in instruction.commands:
                for name in installed_packages(command, frozenset({"apt"})):
                    if "$" not in name and not installable(name, releases[release]):
                        missing[(release, name)] += 1
    for (release, name), count in missing.most_common():
        print(f"{count:4}  {release:7} {name}")
    print(f"{sum(missing.values())} installs of {len(missing)} names missing, in {len(files)} files")
    return 0


def record(out: Path, cache: Path) -> int:
    """For every apt name in the converter's data (renames both ways, the other families' apt names): does it
    install, per release."""
    data = tomllib.loads(RENAMES.read_text(encoding="utf-8"))
    names = {name for table in ("debian-renamed", "debian-replaced")
             for old, entry in data[table].items() for name in (old, *entry["to"].split())}
    names |= {name for apt in data["system-names"] if not apt.startswith("@") for name in apt.split()}
    releases = {release: release_names(release, cache) for release in ARCHIVES}
    facts = {release: {name: installable(name, providers) for name in sorted(names)}
             for release, providers in releases.items()}
    out.write_text(json.dumps(facts, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {out}")
    return 0


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("outputs", nargs="?", type=Path)
    parser.add_argument("--record", type=Path)
    parser.add_argument("--cache", type=Path, default=Path("/tmp/dockgen-apt-lists"))
    args = parser.parse_args(argv)
    if args.record:
        return record(args.record, args.cache)
    if args.outputs:
        return check_outputs(args.outputs, args.cache)
    parser.error("give a folder of Dockerfiles or --record FILE")
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
