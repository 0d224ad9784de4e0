"""The shipped TOML data that linting reads (``rules/``, ``templates/knowledge/``, ``templates/packages/``).

A wheel carries it pre-parsed: ``hatch_build.py`` runs :func:`build_snapshot` at build time and pickles the result
next to the data. Loading that takes about a millisecond, where parsing some two hundred TOML files took tens of
milliseconds of every start (most of a pre-commit run on one file). A checkout or an editable install has no
snapshot and parses the files, so a developer always sees the data as it is on disk.

The module uses only the standard library at import time, so that the build hook can load it by path.
"""

from __future__ import annotations

import functools
import pickle
import re
from pathlib import Path
from typing import Any

SNAPSHOT_NAME = "lint-data.pickle"
# Folders under the data root, as linting reads them; the generator reads templates/ on its own.
FOLDERS = ("rules", "templates/knowledge", "templates/packages")
_PROTOCOL = 5

# Everything linting needs of a rule stands before its rationale, so only that part of a rule file is kept. Left
# uncompiled: with a snapshot, linting never parses a file.
_RULE_HEADER_END = r"^(?:rationale\s*=|\[\[examples\]\])"

Tables = dict[str, dict[str, dict[str, Any]]]  # folder -> file stem -> parsed TOML


class BrokenDataFile(Exception):
    """A shipped data file that cannot be read or parsed; the message names it."""


def parse_file(path: Path, folder: str) -> dict[str, Any]:
    """One data file as linting sees it."""
    import tomllib

    try:
        text = path.read_text(encoding="utf-8")
        if folder == "rules":
            end = re.search(_RULE_HEADER_END, text, re.MULTILINE)
            text = text[:end.start()] if end else text
        return tomllib.loads(text)
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise BrokenDataFile(f"{path}: {error}") from error


def read_folder(root: Path, folder: str) -> dict[str, dict[str, Any]]:
    """Every ``*.toml`` in ``root/folder`` by file stem, in name order."""
    return {path.stem: parse_file(path, folder) for path in sorted((root / folder).glob("*.toml"))}


def build_snapshot(root: Path) -> bytes:
    """The pickled tables of every folder in FOLDERS, read from ``root`` (a checkout or the wheel's data root)."""
    tables: Tables = {folder: read_folder(root, folder) for folder in FOLDERS}
    return pickle.dumps(tables, protocol=_PROTOCOL)


def _snapshot_path() -> Path:
    return Path(__file__).resolve().parent / "_data" / SNAPSHOT_NAME


@functools.cache
def _snapshot() -> Tables | None:
    try:
        data = _snapshot_path().read_bytes()
    except OSError:
        return None
    # The file is written by this package's own build from its own data: as trusted as the code beside it.
    try:
        tables: Tables = pickle.loads(data)
    except Exception as error:  # a truncated or foreign file: any unpickling error, none of them the user's fault
        from dockgen.errors import DockgenError

        raise DockgenError(f"{_snapshot_path()} is damaged ({error}): reinstall dockgen") from error
    return tables


@functools.cache
def tables(folder: str) -> dict[str, dict[str, Any]]:
    """The parsed files of one folder in FOLDERS, by file stem."""
    snapshot = _snapshot()
    if snapshot is not None:
        return snapshot[folder]
    from dockgen._resources import data_dir
    from dockgen.errors import DockgenError

    try:
        return read_folder(data_dir(folder.split("/")[0]).parent, folder)
    except BrokenDataFile as error:
        raise DockgenError(f"dockgen's data is broken, reinstall dockgen: {error}") from error


def table(folder: str, stem: str) -> dict[str, Any]:
    """One parsed file; a missing file is a broken installation."""
    found = tables(folder).get(stem)
    if found is None:
        from dockgen.errors import DockgenError

        raise DockgenError(f"dockgen's {folder}/{stem}.toml is missing: the installation is broken, reinstall dockgen")
    return found
