"""Fixing is linear in the number of fixes: each pass applies every fix that does not overlap another and lints
once, so ten times the fixes may not cost much more than ten times the work.

Work is counted as in ``test_growth.py`` (Python lines executed, the same on every machine), and as lints of the
file. A fixer that lints once per fix, as this one did, executes about a hundred times the lines at ten times the
fixes: ``test_a_quadratic_fixer_fails_the_growth_check`` makes one and shows the check catches it."""

from __future__ import annotations

from typing import Any

import pytest

from dockgen.lint import edits, fixer
from dockgen.lint.engine import Settings, lint
from dockgen.lint.fixer import fix_text
from dockgen.lint.parse import parse_text
from tests.test_growth import lines_executed

SETTINGS = Settings()


def _file(findings: int) -> str:
    """A file with ``findings`` fixable findings: half a casing fix, half an unsafe pip flag."""
    return "FROM python:3.12-slim\n" + "".join(f"Run pip install x{i}==1\n" for i in range(findings // 2))


def _fixing_growth(small: int, large: int) -> float:
    fix_text(_file(small), SETTINGS, unsafe=True)  # imports and caches are paid once, outside the count
    return (lines_executed(lambda: fix_text(_file(large), SETTINGS, unsafe=True))
            / lines_executed(lambda: fix_text(_file(small), SETTINGS, unsafe=True)))


def test_400_fixable_findings_cost_fewer_than_10_lints() -> None:
    text = _file(400)
    fixable = [f for f in lint(parse_text(text), SETTINGS) if f.fix is not None]
    assert len(fixable) >= 400
    outcome = fix_text(text, SETTINGS, unsafe=True)
    assert len(outcome.applied) == len(fixable) and not outcome.limit_reached
    assert outcome.lints < 10, outcome.lints
    assert not fix_text(outcome.text, SETTINGS, unsafe=True).changed


def test_fixing_grows_linearly() -> None:
    ratio = _fixing_growth(40, 400)
    assert ratio < 12, f"10x the fixes executed {ratio:.1f}x the code"


def test_a_quadratic_fixer_fails_the_growth_check(monkeypatch: pytest.MonkeyPatch) -> None:
    """One fix per pass (a lint per fix): the growth check must reject it."""
    def one_at_a_time(source: str, fixes: list[edits.Fix]) -> tuple[str, list[edits.Fix]]:
        return edits.apply(source, sorted(fixes, key=lambda f: (f.start, f.end))[:1])

    monkeypatch.setattr(fixer, "apply", one_at_a_time)
    monkeypatch.setattr(fixer, "MAX_PASSES", 10_000)
    ratio = _fixing_growth(6, 60)
    assert ratio > 13, f"the quadratic fixer executed only {ratio:.1f}x the code"


def test_a_bad_fix_among_many_is_found_by_bisection(monkeypatch: pytest.MonkeyPatch) -> None:
    """One fix of 200 breaks the file: it is left out in O(log n) lints and the other 199 are applied."""
    real = fixer.lint

    def lint_with_a_bad_fix(*args: Any, **kwargs: Any) -> list[Any]:
        found = real(*args, **kwargs)
        from dataclasses import replace

        out = []
        for finding in found:
            if finding.fix is not None and finding.line == 100 and finding.code == "DL3042":
                start = finding.fix.start
                finding = replace(finding, fix=edits.Fix((edits.Edit(start, start, " \\\n\"unclosed"),)))
            out.append(finding)
        return out

    monkeypatch.setattr(fixer, "lint", lint_with_a_bad_fix)
    text = "FROM python:3.12-slim\n" + "".join(f"RUN pip install x{i}==1\n" for i in range(200))
    outcome = fix_text(text, SETTINGS, unsafe=True)
    assert outcome.applied.count("DL3042") == 199
    assert outcome.lints <= 3 * 200 .bit_length() + 2, outcome.lints  # three lints a level: O(log n)
    assert "x98==1\n" in outcome.text and "--no-cache-dir x97==1" in outcome.text
