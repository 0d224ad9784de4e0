"""The conda variant's installs and download sizes, from the channels' ``current_repodata.json`` (the documented
repodata format: ``packages`` and ``packages.conda`` map file names to name, version, build, depends, size).

The dependency closure is greedy (for each name the newest build that fits what is already chosen), not conda's
solver: close to what micromamba installs, but an estimate. Repodata records download sizes only; conda-forge
publishes no installed sizes, so none are guessed.
"""

from __future__ import annotations

import json
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass

from dockgen.compare.matchspec import MatchSpec, order
from dockgen.compare.net import Cache, Fetch, Unavailable
from dockgen.compare.sides import Item

CHANNELS = "https://conda.anaconda.org"
SUBDIRS = ("linux-64", "noarch")
DAY = 86400.0


@dataclass(frozen=True)
class Record:
    name: str
    version: str
    build: str
    build_number: int
    depends: tuple[str, ...]
    size: int
    filename: str


Index = dict[str, list[Record]]


def repodata_url(channel: str, subdir: str) -> str:
    return f"{CHANNELS}/{channel}/{subdir}/current_repodata.json"


def load_index(channels: tuple[str, ...], fetch: Fetch, cache: Cache, offline: bool,
               problems: list[str]) -> Index:
    """name -> records, from the first channel that has the name (strict channel priority)."""
    index: Index = {}
    for channel in channels:
        found: Index = {}
        for subdir in SUBDIRS:
            url = repodata_url(channel, subdir)
            rows = cache.get(url) if offline else cache.get(url, DAY)
            if rows is None and not offline:
                try:
                    rows = trim(json.loads(fetch(url, None).body))
                except (Unavailable, ValueError) as error:
                    problems.append(f"{channel}/{subdir} repodata: {error}")
                    rows = cache.get(url)  # an older copy is better than nothing
                else:
                    cache.put(url, rows)
            elif rows is None:
                problems.append(f"{channel}/{subdir} repodata: --offline, and not in the cache")
            for record in _records(rows):
                found.setdefault(record.name, []).append(record)
        for name, records in found.items():
            index.setdefault(name, records)
    return index


def trim(repodata: dict[str, object]) -> list[list[object]]:
    """The fields an estimate needs, one row per file; a ``.conda`` file replaces its ``.tar.bz2`` twin (conda
    and micromamba download the ``.conda`` one)."""
    rows: dict[str, list[object]] = {}
    for section in ("packages", "packages.conda"):
        files = repodata.get(section) or {}
        if not isinstance(files, dict):
            continue
        for filename, info in files.items():
            stem = filename.removesuffix(".tar.bz2").removesuffix(".conda")
            rows[stem] = [info["name"], info["version"], info["build"], int(info.get("build_number", 0)),
                          list(info.get("depends", [])), int(info.get("size", 0)), filename]
    return [rows[stem] for stem in sorted(rows)]


def _records(rows: object) -> Iterable[Record]:
    if not isinstance(rows, list):
        return
    for name, version, build, number, depends, size, filename in rows:
        yield Record(name, version, build, int(number), tuple(depends), int(size), filename)


def closure(specs: tuple[str, ...], index: Index) -> tuple[tuple[Item, ...], tuple[str, ...]]:
    """The packages the specs pull in, newest first, and what could not be placed."""
    chosen: dict[str, Record] = {}
    seen: dict[str, list[MatchSpec]] = {}
    problems: list[str] = []
    queue = deque(MatchSpec.parse(spec) for spec in specs)
    while queue:
        spec = queue.popleft()
        if spec.name.startswith("__"):  # virtual packages (__glibc, __cuda): the host provides them
            continue
        seen.setdefault(spec.name, []).append(spec)
        if spec.name in chosen:
            record = chosen[spec.name]
            if not spec.matches(record.version, record.build):
                problems.append(f"{spec.name} {record.version}: chosen before a later constraint "
                                f"({spec.version or spec.build}) was seen; the estimate keeps it")
            continue
        candidates = [r for r in index.get(spec.name, ())
                      if all(each.matches(r.version, r.build) for each in seen[spec.name])]
        if not candidates:
            problems.append(f"{spec.name} {spec.version}".rstrip() + ": not in the channels' current repodata")
            continue
        candidates.sort(key=lambda r: (order(r.version), r.build_number), reverse=True)
        pick = next((r for r in candidates if _fits(r, chosen)), None)
        if pick is None:
            pick = candidates[0]
            problems.append(f"{spec.name}: no build in the repodata fits the packages chosen before it; the "
                            f"estimate counts {pick.filename}")
        chosen[spec.name] = pick
        queue.extend(MatchSpec.parse(dependency) for dependency in pick.depends)
    items = tuple(Item(r.name, r.version, r.filename, r.size, None) for r in chosen.values())
    return items, tuple(problems)


def _fits(record: Record, chosen: dict[str, Record]) -> bool:
    for dependency in record.depends:
        spec = MatchSpec.parse(dependency)
        other = chosen.get(spec.name)
        if other is not None and not spec.matches(other.version, other.build):
            return False
    return True
