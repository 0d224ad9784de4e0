"""The fix loop: apply the fixes findings carry, re-parse, re-lint, until nothing is left to fix."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from dockgen.edits import Fix, apply
from dockgen.engine import Settings, lint
from dockgen.findings import Finding
from dockgen.parse import parse_text

MAX_PASSES = 10


@dataclass(frozen=True)
class FixOutcome:
    text: str
    applied: tuple[str, ...]  # rule codes, one per fix applied, in order
    limit_reached: bool = False  # still fixable after MAX_PASSES passes: a fix that does not settle
    dropped: tuple[str, ...] = ()  # codes of fixes left out because the result would not parse

    @property
    def changed(self) -> bool:
        return bool(self.applied)


def fix_text(text: str, settings: Settings, unsafe: bool = False, location: Path | None = None) -> FixOutcome:
    """Fix decoded ``text``. Safe fixes only unless ``unsafe``; a file that does not parse is left as it is. A
    leading BOM character, which the parser reads past, is kept."""
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    outcome = _fix(text[len(bom):], settings, unsafe, location)
    return replace(outcome, text=bom + outcome.text) if bom else outcome


def _fix(text: str, settings: Settings, unsafe: bool, location: Path | None) -> FixOutcome:
    current = text
    applied: list[str] = []
    dropped: list[str] = []
    for _ in range(MAX_PASSES):
        dockerfile = parse_text(current)
        if dockerfile.problems:
            break
        candidates = [f for f in lint(dockerfile, settings, None, location, fixes=True) if _wanted(f, unsafe)]
        if not candidates:
            return FixOutcome(current, tuple(applied), dropped=tuple(dropped))
        current, codes, refused = _apply_working(dockerfile.source, candidates, settings, location)
        dropped += refused
        if not codes:
            break
        applied += codes
    else:
        still = [f for f in lint(parse_text(current), settings, None, location, fixes=True) if _wanted(f, unsafe)]
        return FixOutcome(current, tuple(applied), limit_reached=bool(still), dropped=tuple(dropped))
    return FixOutcome(current, tuple(applied), dropped=tuple(dropped))


def _wanted(finding: Finding, unsafe: bool) -> bool:
    return finding.fix is not None and (unsafe or finding.fix.safe)


def _apply_working(source: str, findings: list[Finding], settings: Settings,
                   location: Path | None) -> tuple[str, list[str], list[str]]:
    """Apply the fixes that each, alone, leave a file that parses and has fewer findings of their rule.

    Checking each fix on its own costs a lint per fix, but it keeps a fix that does not do what it says (text the
    shell reads differently than the fix expected) from being applied again on every pass."""
    before: dict[str, int] = {}
    for finding in lint(parse_text(source), settings, None, location):
        before[finding.code] = before.get(finding.code, 0) + 1
    working: list[Fix] = []
    codes: dict[int, str] = {}
    refused: list[str] = []
    for finding in findings:
        assert finding.fix is not None
        trial, used = apply(source, [finding.fix])
        model = parse_text(trial)
        if model.problems:
            refused.append(finding.code)
            continue
        after = sum(1 for f in lint(model, settings, None, location) if f.code == finding.code)
        if after < before.get(finding.code, 0):
            working.append(finding.fix)
            codes[id(finding.fix)] = finding.code
    text, chosen = apply(source, working)
    if parse_text(text).problems:  # fixes that work alone but not together: one per pass
        text, chosen = apply(source, working[:1])
    return text, [codes[id(fix)] for fix in chosen], refused
