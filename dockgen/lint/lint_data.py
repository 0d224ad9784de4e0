"""The data linting reads, from one generated JSON index: ``dockgen/lint/lint_data.json``.

The index holds what linting needs of ``rules/*.toml`` (each rule's header: the keys in :data:`RULE_KEYS`, not its
rationale or examples), of ``rules/knowledge/*.toml`` and of ``templates/packages/*.toml``. Loading it takes about a
millisecond where parsing those TOML files took tens of milliseconds of every start. A checkout and a wheel read the
same file through the same code; ``tests/test_lint_data.py`` fails when the index no longer matches the TOML files.
Regenerate it with::

    python -m dockgen.lint.lint_data

TOML dates are written ``{"$date": "YYYY-MM-DD"}`` and read back as ``datetime.date``, so the tables linting sees
are exactly what ``tomllib`` gives for the files. The typed, validated records are built from these tables by one
loader per file kind: ``dockgen.lint.rules`` (rule headers), ``dockgen.knowledge.data`` (each ``rules/knowledge`` file)
and ``dockgen.knowledge.packages`` (the package catalog, for the generator and the lint rules alike).
"""

from __future__ import annotations

import datetime
import functools
import json
import sys
from pathlib import Path
from typing import Any

INDEX = Path(__file__).resolve().parent / "lint_data.json"
# Folders under the data root, as linting reads them.
FOLDERS = ("rules", "rules/knowledge", "templates/packages")
# What linting reads of a rule file; the rest (rationale, examples) is for people (dockgen.lint.rules_doc).
RULE_KEYS = ("code", "name", "level", "summary", "message", "messages", "default", "fix", "fix-safety", "hadolint",
             "aliases", "security-severity")

Tables = dict[str, dict[str, dict[str, Any]]]  # folder -> file stem -> parsed TOML


class BrokenDataFile(Exception):
    """A data file that cannot be read or parsed; the message names it."""


def parse_file(path: Path, folder: str) -> dict[str, Any]:
    """One data file as linting sees it."""
    import tomllib

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise BrokenDataFile(f"{path}: {error}") from error
    return {key: data[key] for key in RULE_KEYS if key in data} if folder == "rules" else data


def read_folder(root: Path, folder: str) -> dict[str, dict[str, Any]]:
    """Every ``*.toml`` in ``root/folder`` by file stem, in name order."""
    return {path.stem: parse_file(path, folder) for path in sorted((root / folder).glob("*.toml"))}


def build_index(root: Path) -> str:
    """The index text for the data folders under ``root`` (a checkout); BrokenDataFile when a rule's message
    templates and its check disagree (``dockgen.lint.message_templates``)."""
    from dockgen.lint import message_templates

    tables: Tables = {folder: read_folder(root, folder) for folder in FOLDERS}
    problems = message_templates.problems(root, tables["rules"])
    if problems:
        raise BrokenDataFile("rule messages and checks disagree:\n  " + "\n  ".join(problems))
    return json.dumps(tables, indent=1, ensure_ascii=False, default=_encode) + "\n"


def _encode(value: object) -> object:
    if isinstance(value, datetime.date):
        return {"$date": value.isoformat()}
    raise TypeError(f"cannot write {value!r} into the lint data index")


def _decode(table: dict[str, Any]) -> object:
    if len(table) == 1 and "$date" in table:
        return datetime.date.fromisoformat(table["$date"])
    return table


@functools.cache
def _index() -> Tables:
    from dockgen.errors import DockgenError

    try:
        tables: Tables = json.loads(INDEX.read_text(encoding="utf-8"), object_hook=_decode)
    except (OSError, ValueError) as error:
        raise DockgenError(f"dockgen's lint data index {INDEX} is missing or damaged ({error}): reinstall dockgen, "
                           f"or in a checkout run `python -m dockgen.lint.lint_data`") from error
    return tables


def tables(folder: str) -> dict[str, dict[str, Any]]:
    """The parsed files of one folder in FOLDERS, by file stem."""
    return _index()[folder]


def table(folder: str, stem: str) -> dict[str, Any]:
    """One parsed file; a missing file is a broken installation."""
    found = tables(folder).get(stem)
    if found is None:
        from dockgen.errors import DockgenError

        raise DockgenError(f"dockgen's {folder}/{stem}.toml is missing from the lint data index: reinstall dockgen")
    return found


def main() -> None:
    """Write the index from the checkout's data folders."""
    from dockgen._resources import data_dir

    try:
        text = build_index(data_dir("rules").parent)
    except BrokenDataFile as error:
        sys.exit(f"not written: {error}")
    INDEX.write_text(text, encoding="utf-8")
    sys.stdout.write(f"wrote {INDEX}\n")


if __name__ == "__main__":
    main()
