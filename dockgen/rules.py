"""Rule metadata read from ``rules/<CODE>.toml``."""

from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass

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


@dataclass(frozen=True, slots=True)
class Rule:
    code: str
    name: str
    level: Severity
    summary: str
    rationale: str
    default: bool = True
    fix: str = "none"
    hadolint: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    differs_from_hadolint: tuple[str, ...] = ()
    examples: tuple[Example, ...] = ()


@functools.cache
def all_rules() -> dict[str, Rule]:
    """Every rule by code, in code order."""
    rules = {}
    for path in sorted(data_dir("rules").glob("*.toml")):
        try:
            rule = _rule_from(tomllib.loads(path.read_text(encoding="utf-8")))
        except (tomllib.TOMLDecodeError, KeyError, ValueError, TypeError) as error:
            raise DockgenError(f"{path}: broken rule data: {error}") from error
        if rule.code != path.stem:
            raise DockgenError(f"{path}: code {rule.code} does not match the file name")
        rules[rule.code] = rule
    return rules


def _rule_from(data: dict[str, object]) -> Rule:
    examples = tuple(
        Example(kind=str(e["kind"]), dockerfile=str(e["dockerfile"]), lines=tuple(e.get("lines", ())),
                title=str(e.get("title", "")), config=e.get("config"))
        for e in data.get("examples", ())  # type: ignore[attr-defined]
    )
    return Rule(
        code=str(data["code"]), name=str(data["name"]), level=Severity.from_label(str(data["level"])),
        summary=str(data["summary"]), rationale=str(data.get("rationale", "")).strip(),
        default=bool(data.get("default", True)), fix=str(data.get("fix", "none")),
        hadolint=tuple(data.get("hadolint", ())),  # type: ignore[arg-type]
        aliases=tuple(data.get("aliases", ())),  # type: ignore[arg-type]
        differs_from_hadolint=tuple(data.get("differs-from-hadolint", ())),  # type: ignore[arg-type]
        examples=examples,
    )


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
