"""Run the selected checks on a parsed Dockerfile and turn hits into findings: levels, pragmas, ignores."""

from __future__ import annotations

import datetime
import fnmatch
import functools
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import NamedTuple

from dockgen.checks import CheckFunction, check_for, check_modules
from dockgen.checks.contract import Context, Hit, Message, says
from dockgen.lint import settings_values
from dockgen.lint.edits import Fix, line_starts
from dockgen.lint.findings import Finding, Severity
from dockgen.lint.messages import message_text
from dockgen.lint.model import Dockerfile
from dockgen.lint.rules import Rule, all_rules, resolve_code
from dockgen.lint.suppressions import UNUSED_SUPPRESSION, Suppressions

PARSE_ERROR = "DG001"


@dataclass(frozen=True)
class Settings:
    """What to check and at which level; built by ``config.py`` or by library callers. What a command-line run does
    around it (which files it skips, whether findings fail it) is ``config.RunOptions``."""

    select: tuple[str, ...] | None = None  # None: every rule that is on by default
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (glob, codes)
    overrides: tuple[tuple[str, Severity], ...] = ()
    failure_threshold: Severity = Severity.INFO
    today: datetime.date | None = None
    disable_pragmas: bool = False
    trusted_registries: tuple[str, ...] = ()
    label_schema: tuple[tuple[str, str], ...] = ()
    strict_labels: bool = False
    shellcheck: bool = False  # SC findings from ShellCheck

    def __post_init__(self) -> None:
        """Lists become tuples (the settings are hashable and frozen); a bare string, where a sequence of strings
        belongs, is a TypeError (it would be read letter by letter); a code no one knows is a ValueError."""
        for name, value in settings_values.normalized(self).items():
            object.__setattr__(self, name, value)
        unknown = settings_values.unknown_codes(self)
        if unknown:
            raise ValueError(f"unknown rule codes: {', '.join(unknown)}")

    def enabled_codes(self, path: str | None = None) -> frozenset[str]:
        enabled = _enabled_everywhere(self.select, self.extend_select, self.ignore)
        if path is not None:
            for pattern, codes in self.per_file_ignores:
                if fnmatch.fnmatch(path, pattern) or fnmatch.fnmatch(path.rsplit("/", 1)[-1], pattern):
                    enabled -= set(expand_selectors(codes))
        return enabled


@functools.lru_cache(maxsize=32)  # one entry per configuration: the same for every file it covers
def _enabled_everywhere(select: tuple[str, ...] | None, extend_select: tuple[str, ...],
                        ignore: tuple[str, ...]) -> frozenset[str]:
    rules = all_rules()
    if select is None:
        enabled = {code for code, rule in rules.items() if rule.default}
    else:
        enabled = set(expand_selectors(select))
    enabled |= set(expand_selectors(extend_select))
    enabled -= set(expand_selectors(ignore))
    return frozenset(enabled)


class _Step(NamedTuple):
    rule: Rule
    check: CheckFunction
    buildkit_names: frozenset[str] | None  # lower case, for ``# check=skip=``; None when not one of BuildKit's


@functools.lru_cache(maxsize=32)
def _plan(enabled: frozenset[str]) -> tuple[_Step, ...]:
    """The enabled rules that have a check, in code order, with their checks imported: worked out once per
    configuration, so that a file pays only for running them."""
    rules = all_rules()
    return tuple(_Step(rules[code], check_for(code),
                       frozenset(a.lower() for a in rules[code].aliases) if code.startswith("DG4") else None)
                 for code in check_modules() if code in enabled and code != PARSE_ERROR)


def expand_selectors(selectors: tuple[str, ...]) -> list[str]:
    """Codes from codes, rule names, aliases, code prefixes (``DL30``) or ``ALL``. ``ALL`` is every rule, as in
    ruff; prefixes bring only rules that are on by default, so an off-by-default rule (DL1001, DL3057) is selected
    by its own code, its name or ALL."""
    rules = all_rules()
    codes: list[str] = []
    for selector in selectors:
        code = resolve_code(selector)
        if code:
            codes.append(code)
        elif selector.upper() == "ALL":
            codes.extend(rules)
        else:
            codes.extend(c for c, rule in rules.items() if c.startswith(selector.upper()) and rule.default)
    return codes


def lint(dockerfile: Dockerfile, settings: Settings = Settings(), path: str | None = None,
         location: Path | None = None, shellchecked: Mapping[str, list[Finding]] | None = None) -> list[Finding]:
    """Findings for one parsed file. ``shellchecked``: ShellCheck findings a caller worked out ahead for a batch
    of files (``shellcheck.prefetch``), by source text; a file not in it is checked on its own. A finding's fix
    carries its rule's safety and the line and column ranges of its edits."""
    rules = all_rules()
    enabled = settings.enabled_codes(path)
    levels = dict(settings.overrides)
    if dockerfile.problems:
        if PARSE_ERROR not in enabled:
            return []
        rule = rules[PARSE_ERROR]
        return [Finding(PARSE_ERROR, levels.get(PARSE_ERROR, rule.level), message_text(rule, says(problem=p.message)),
                        p.line, p.line, name=rule.name) for p in dockerfile.problems]
    context = Context(today=settings.today or datetime.date.today(), trusted_registries=settings.trusted_registries,
                      label_schema=settings.label_schema, strict_labels=settings.strict_labels, location=location)
    suppressed = Suppressions(dockerfile) if not settings.disable_pragmas else None
    skipped = buildkit_skips(dockerfile.directives.get("check", ""))
    findings: list[Finding] = []
    ran: list[str] = []
    for rule, check, buildkit_names in _plan(enabled):
        if skipped and buildkit_names is not None and ("all" in skipped or skipped & buildkit_names):
            continue  # ``# check=skip=...`` turns BuildKit's checks off, ours with them
        ran.append(rule.code)
        _add_findings(findings, rule, check(dockerfile, context), suppressed, levels, dockerfile.source)
    if settings.shellcheck:
        from dockgen.lint.shellcheck import shellcheck_findings

        ignored = set(settings.ignore)
        for finding in shellcheck_findings(dockerfile, shellchecked):
            if finding.code in ignored or "SC" in ignored:
                continue
            if suppressed is not None and suppressed.covers(finding.code, finding.line):
                continue
            findings.append(replace(finding, level=levels.get(finding.code, finding.level)))
    if suppressed is not None and UNUSED_SUPPRESSION in enabled and dockerfile.pragmas:  # once all else is known
        hits = suppressed.unused(dockerfile, frozenset(ran), settings.shellcheck)
        _add_findings(findings, rules[UNUSED_SUPPRESSION], hits, suppressed, levels, dockerfile.source)
    return sorted(findings, key=Finding.sort_key)


def _add_findings(findings: list[Finding], rule: Rule, hits: Iterable[Hit], suppressed: Suppressions | None,
                  levels: dict[str, Severity], source: str) -> None:
    """Add a rule's hits that no pragma silences to ``findings``, at the configured level. (A plain loop: it runs
    for every rule on every file, where a generator's setup would show.)"""
    code = rule.code
    for hit in hits:
        if suppressed is not None and suppressed.covers(code, hit.line):
            continue
        fix = hit.fix
        if fix is not None:  # the rule's data says how safe its fixes are
            fix = Fix(fix.edits, rule.safe_fix, line_starts(source))
        message = _text(code, hit.message)
        findings.append(Finding(code, levels.get(code, rule.level), message, hit.line, hit.end_line or hit.line,
                                column=hit.column or 1, name=rule.name, fix=fix, end_column=hit.end_column))


@functools.lru_cache(maxsize=8192)
def _text(code: str, message: Message | None) -> str:
    """A hit's message text, worked out once for each message a run repeats (big files and corpora repeat them)."""
    return sys.intern(message_text(all_rules()[code], message))


def buildkit_skips(directive: str) -> frozenset[str]:
    """Check names (lower case, or ``all``) from BuildKit's ``# check=skip=A,B;error=true`` directive."""
    for part in directive.split(";"):
        key, _, value = part.partition("=")
        if key.strip().lower() == "skip":
            return frozenset(name.strip().lower() for name in value.split(",") if name.strip())
    return frozenset()
