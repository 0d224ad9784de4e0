"""The properties every input must keep (shared by the hypothesis tests and bench/fuzz.py)."""

from __future__ import annotations

from dockgen.api import lint_bytes
from dockgen.engine import Settings
from dockgen.fixer import fix_text
from dockgen.parse import parse_text

SETTINGS = Settings()


def check(text: str) -> None:
    """Raises AssertionError (or whatever escapes dockgen) when a property fails."""
    data = text.encode("utf-8", "surrogatepass")
    findings = lint_bytes(data, SETTINGS, "Dockerfile")
    first, second = parse_text(text), parse_text(text)
    assert first == second, "parsing is not deterministic"
    line_count = max(1, len(first.lines))
    for finding in findings:
        assert 1 <= finding.line <= finding.end_line <= line_count, (finding, line_count)
    if first.problems:
        return
    outcome = fix_text(text, SETTINGS, unsafe=True)
    if outcome.changed:
        assert not parse_text(outcome.text).problems, "a fix produced a file that does not parse"
        assert not fix_text(outcome.text, SETTINGS, unsafe=True).changed, "fixing again changed the file"
