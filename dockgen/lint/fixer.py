"""The fix loop, as ruff's: per pass, collect every fix the findings carry, apply all that do not overlap, and lint
the result once. A pass whose result does not parse, or has a finding the file did not have, is split in halves and
each half retried, so a bad fix costs O(log n) lints, not one per fix. Passes repeat until nothing is left to fix,
up to ``MAX_PASSES``: fixing is linear in the number of fixes."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

from dockgen.lint.edits import Fix, apply
from dockgen.lint.engine import Settings, lint
from dockgen.lint.findings import Finding
from dockgen.lint.model import Dockerfile
from dockgen.lint.parse import parse_text

MAX_PASSES = 10  # the one pass limit: the fixer's, and the one its warning names


@dataclass(frozen=True)
class FixOutcome:
    text: str
    applied: tuple[str, ...]  # rule codes, one per fix applied, in order
    limit_reached: bool = False  # still fixable after MAX_PASSES passes: a fix that does not settle
    dropped: tuple[str, ...] = ()  # codes of fixes left out because the result would not parse
    lints: int = 0  # how many times the text was linted, the cost of fixing it

    @property
    def changed(self) -> bool:
        return bool(self.applied)


def fix_text(text: str, settings: Settings, unsafe: bool = False, location: Path | None = None) -> FixOutcome:
    """Fix decoded ``text``. Safe fixes only unless ``unsafe``; a file that does not parse is left as it is. A
    leading BOM character, which the parser reads past, is kept."""
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    outcome = _Loop(settings, unsafe, location).run(text[len(bom):])
    return replace(outcome, text=bom + outcome.text) if bom else outcome


@dataclass
class _Linted:
    """A text that parses, with its findings (fixes worked out) and their count per rule."""

    model: Dockerfile
    findings: list[Finding]
    counts: Counter[str]


class _Loop:
    def __init__(self, settings: Settings, unsafe: bool, location: Path | None) -> None:
        self.settings, self.unsafe, self.location = settings, unsafe, location
        self.lints = 0
        self.applied: list[str] = []
        self.dropped: list[str] = []
        self.refused: set[tuple[str, str, tuple[tuple[int, int, str], ...]]] = set()

    def run(self, text: str) -> FixOutcome:
        current = self._lint(text)
        if current is None:
            return FixOutcome(text, (), lints=self.lints)
        for _ in range(MAX_PASSES):
            source = current.model.source
            candidates = [f for f in self._candidates(current) if self._key(source, f) not in self.refused]
            if not candidates:
                return self._outcome(current)
            fixes = [f.fix for f in candidates if f.fix is not None]
            _, chosen = apply(current.model.source, fixes)  # the non-overlapping ones; the rest wait a pass
            codes = {id(f.fix): f.code for f in candidates}
            accepted, result = self._best(current, chosen, codes)
            if result is None:
                return self._outcome(current)
            self.applied += [codes[id(fix)] for fix in accepted]
            current = result
        limit = bool(self._candidates(current))
        return replace(self._outcome(current), limit_reached=limit)

    def _outcome(self, current: _Linted) -> FixOutcome:
        return FixOutcome(current.model.source, tuple(self.applied), dropped=tuple(self.dropped), lints=self.lints)

    def _candidates(self, linted: _Linted) -> list[Finding]:
        return [f for f in linted.findings if f.fix is not None and (self.unsafe or f.fix.safe)]

    def _lint(self, text: str) -> _Linted | None:
        model = parse_text(text)
        if model.problems:
            return None
        self.lints += 1
        findings = lint(model, self.settings, None, self.location)
        return _Linted(model, findings, Counter(f.code for f in findings))

    def _best(self, base: _Linted, fixes: list[Fix],
              codes: dict[int, str]) -> tuple[list[Fix], _Linted | None]:
        """The fixes of ``fixes`` to keep and the linted result: all of them when that works, else the halves
        that work, found by bisection. Nothing kept: ``([], None)``."""
        text, _ = apply(base.model.source, fixes)
        result = self._lint(text)
        if result is not None and self._better(base, result, [codes[id(f)] for f in fixes]):
            return fixes, result
        if len(fixes) == 1:
            code = codes[id(fixes[0])]
            if result is None:
                self.dropped.append(code)
            self.refused.add(self._fix_key(base.model.source, code, fixes[0]))
            return [], None
        middle = len(fixes) // 2
        left, left_result = self._best(base, fixes[:middle], codes)
        right, right_result = self._best(base, fixes[middle:], codes)
        if left and right:  # each half works; together they may not (then the larger half waits a pass)
            text, _ = apply(base.model.source, left + right)
            both = self._lint(text)
            if both is not None and self._better(base, both, [codes[id(f)] for f in left + right]):
                return left + right, both
        return (left, left_result) if len(left) >= len(right) else (right, right_result)

    def _better(self, before: _Linted, after: _Linted, codes: list[str]) -> bool:
        """Each rule fixed has lost at least as many findings as fixes applied, and no other rule has more findings
        than before unless every one of them carries a fix (``FROM x as y`` once ``from`` is fixed: the next pass
        fixes ``as``)."""
        fixed = Counter(codes)
        if any(after.counts[code] > before.counts[code] - n for code, n in fixed.items()):
            return False
        grown = {code for code, count in after.counts.items() if count > before.counts[code]}
        return all(f.fix is not None and (self.unsafe or f.fix.safe) for f in after.findings if f.code in grown)

    def _key(self, source: str, finding: Finding) -> tuple[str, str, tuple[tuple[int, int, str], ...]]:
        assert finding.fix is not None
        return self._fix_key(source, finding.code, finding.fix)

    @staticmethod
    def _fix_key(source: str, code: str, fix: Fix) -> tuple[str, str, tuple[tuple[int, int, str], ...]]:
        """A fix as it would look in another pass: its rule, the lines it edits and the edits relative to them."""
        start = source.rfind("\n", 0, fix.start) + 1
        end = source.find("\n", fix.end)
        end = len(source) if end < 0 else end
        return code, source[start:end], tuple((e.start - start, e.end - start, e.text) for e in fix.edits)
