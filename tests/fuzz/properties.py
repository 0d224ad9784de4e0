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
        assert not lines_changed_outside_fixes(text, outcome.text), "a fix changed lines it does not own"


def lines_changed_outside_fixes(before: str, after: str) -> list[int]:
    """Original lines that changed although no instruction there carried a fix (an insertion belongs to the line
    it lands on)."""
    import difflib
    from dataclasses import replace

    from dockgen.engine import lint

    model = parse_text(before)
    spans = {i.line: i.end_line for i in model.instructions}
    owned: set[int] = set()
    for finding in lint(model, replace(SETTINGS, fixes=True)):
        if finding.fix is not None:
            owned.update(range(finding.line, spans.get(finding.line, finding.line) + 1))
    matcher = difflib.SequenceMatcher(None, before.split("\n"), after.split("\n"), autojunk=False)
    outside: list[int] = []
    for tag, start, end, _, _ in matcher.get_opcodes():
        touched = set(range(start + 1, end + 1)) if tag in ("replace", "delete") else {start + 1}
        if tag != "equal":
            outside += sorted(touched - owned)
    return outside
