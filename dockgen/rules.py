"""Rule metadata read from ``rules/<CODE>.toml``."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dockgen import shipped
from dockgen._resources import data_dir
from dockgen.errors import DockgenError
from dockgen.findings import Severity


@dataclass(frozen=True, slots=True)
class Example:
    kind: str  # "bad" or "good"
    dockerfile: str
    lines: tuple[int, ...] = ()
    title: str = ""
    config: dict[str, object] | None = None
    files: dict[str, str] | None = None  # other files in the Dockerfile's folder (.dockerignore)
    fixed: str | None = None  # the text after --fix --unsafe-fixes (equal to dockerfile: no fix offered)


@dataclass(frozen=True, slots=True)
class Rule:
    """What linting needs to know about a rule: the header of its data file."""

    code: str
    name: str
    level: Severity
    summary: str
    default: bool = True
    fix: str = "none"  # none | sometimes | always
    fix_safety: str = "unsafe"  # safe: the built image cannot change; unsafe: it can
    hadolint: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class RuleDocs:
    """What people read about a rule (and what the tests run): the rest of its data file."""

    rationale: str
    differs_from_hadolint: tuple[str, ...]
    examples: tuple[Example, ...]


@functools.cache
def all_rules() -> dict[str, Rule]:
    """Every rule by code, in code order."""
    rules = {}
    for stem, data in shipped.tables("rules").items():
        path = f"rules/{stem}.toml"
        try:
            rule = Rule(code=str(data["code"]), name=str(data["name"]), level=Severity.from_label(str(data["level"])),
                        summary=str(data["summary"]), default=bool(data.get("default", True)),
                        fix=str(data.get("fix", "none")), fix_safety=str(data.get("fix-safety", "unsafe")),
                        hadolint=tuple(data.get("hadolint", ())),
                        aliases=tuple(data.get("aliases", ())))
        except (KeyError, ValueError, TypeError) as error:
            raise DockgenError(f"{path}: broken rule data: {error}") from error
        if rule.code != stem:
            raise DockgenError(f"{path}: code {rule.code} does not match the file name")
        rules[rule.code] = rule
    return rules


@functools.cache
def rule_docs(code: str) -> RuleDocs:
    path = data_dir("rules") / f"{code}.toml"
    data = _parse(path.read_text(encoding="utf-8"), path)
    try:
        examples = tuple(
            Example(kind=str(e["kind"]), dockerfile=str(e["dockerfile"]), lines=tuple(e.get("lines", ())),
                    title=str(e.get("title", "")), config=e.get("config"), files=e.get("files"),
                    fixed=e.get("fixed"))
            for e in data.get("examples", ())
        )
        return RuleDocs(rationale=str(data.get("rationale", "")).strip(),
                        differs_from_hadolint=tuple(data.get("differs-from-hadolint", ())), examples=examples)
    except (KeyError, TypeError) as error:
        raise DockgenError(f"{path}: broken rule data: {error}") from error


def _parse(text: str, path: Path) -> dict[str, Any]:
    import tomllib

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise DockgenError(f"{path}: broken rule data: {error}") from error


def resolve_code(text: str) -> str | None:
    """A rule code from a code, a rule name or an alias (case-insensitive), or None."""
    rules = all_rules()
    upper = text.upper()
    if upper in rules:
        return upper
    lower = text.lower()
    for rule in rules.values():
        if rule.name == lower or lower in (alias.lower() for alias in rule.aliases):
            return rule.code
    return None
