"""The fix loop: apply the fixes findings carry, re-parse, re-lint, until nothing is left to fix."""

from __future__ import annotations

from dataclasses import dataclass
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
    """Fix ``text`` (decoded, BOM removed). Safe fixes only unless ``unsafe``; a file that does not parse is left
    as it is."""
    current = text
    applied: list[str] = []
    dropped: list[str] = []
    for _ in range(MAX_PASSES):
        dockerfile = parse_text(current)
        if dockerfile.problems:
            break
        candidates = [f for f in lint(dockerfile, settings, None, location) if _wanted(f, unsafe)]
        if not candidates:
            return FixOutcome(current, tuple(applied), dropped=tuple(dropped))
        current, codes, refused = _apply_parsing(dockerfile.source, candidates)
        dropped += refused
        if not codes:
            break
        applied += codes
    else:
        still = [f for f in lint(parse_text(current), settings, None, location) if _wanted(f, unsafe)]
        return FixOutcome(current, tuple(applied), limit_reached=bool(still), dropped=tuple(dropped))
    return FixOutcome(current, tuple(applied), dropped=tuple(dropped))


def _wanted(finding: Finding, unsafe: bool) -> bool:
    return finding.fix is not None and (unsafe or finding.fix.safe)


def _apply_parsing(source: str, findings: list[Finding]) -> tuple[str, list[str], list[str]]:
    """Apply all fixes at once when the result parses; otherwise one by one, leaving out those that break it."""
    fixes = {id(f.fix): f.code for f in findings if f.fix is not None}
    every = [f.fix for f in findings if f.fix is not None]
    text, chosen = apply(source, every)
    if not parse_text(text).problems:
        return text, [fixes[id(fix)] for fix in chosen], []
    accepted: list[Fix] = []
    refused: list[str] = []
    for fix in every:
        trial, used = apply(source, [*accepted, fix])
        if fix in used and not parse_text(trial).problems:
            accepted.append(fix)
        elif fix in used:
            refused.append(fixes[id(fix)])
    text, chosen = apply(source, accepted)
    return text, [fixes[id(fix)] for fix in chosen], refused
