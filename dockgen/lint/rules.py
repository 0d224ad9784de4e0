"""What linting needs of each rule: the header of ``rules/<CODE>.toml`` (the rest is in ``rules_doc``)."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass, field

from dockgen.errors import DockgenError
from dockgen.lint import lint_data
from dockgen.lint.findings import Severity


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
    # 0-10 for rules about security, as GitHub code scanning ranks them (9+ critical, 7+ high, 4+ medium); else None.
    security_severity: float | None = None
    # Message templates by key: ``message`` (the TOML's ``message``, else the summary) and the ``[messages]`` table.
    messages: Mapping[str, str] = field(default_factory=dict, compare=False)

    @property
    def safe_fix(self) -> bool:
        return self.fix_safety == "safe"


@functools.cache
def all_rules() -> dict[str, Rule]:
    """Every rule by code, in code order."""
    rules = {}
    for stem, data in lint_data.tables("rules").items():
        path = f"rules/{stem}.toml"
        try:
            rule = Rule(code=str(data["code"]), name=str(data["name"]), level=Severity.from_label(str(data["level"])),
                        summary=str(data["summary"]), default=bool(data.get("default", True)),
                        fix=str(data.get("fix", "none")), fix_safety=str(data.get("fix-safety", "unsafe")),
                        hadolint=tuple(data.get("hadolint", ())),
                        aliases=tuple(data.get("aliases", ())),
                        security_severity=_severity(data.get("security-severity")),
                        messages=_templates(data))
        except (KeyError, ValueError, TypeError) as error:
            raise DockgenError(f"{path}: broken rule data: {error}") from error
        if rule.code != stem:
            raise DockgenError(f"{path}: code {rule.code} does not match the file name")
        rules[rule.code] = rule
    return rules


def _templates(data: Mapping[str, object]) -> dict[str, str]:
    """The rule's message templates by key; a template that is not text is a TypeError."""
    more = data.get("messages", {})
    if not isinstance(more, dict) or "message" in more:
        raise TypeError("[messages] must be a table of named templates, without `message` (write it on its own)")
    templates: dict[str, str] = {}
    for key, template in {"message": data.get("message", data["summary"]), **more}.items():
        if not isinstance(template, str):
            raise TypeError(f"message template {key!r} must be a string")
        templates[key] = template
    return templates


def _severity(value: object) -> float | None:
    if value is None:
        return None
    if not isinstance(value, (int, float)) or isinstance(value, bool) or not 0 <= value <= 10:
        raise ValueError(f"security-severity must be a number from 0 to 10, not {value!r}")
    return float(value)


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
