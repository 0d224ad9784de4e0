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


def lines_changed_outside_fixes(before: str, after: str, unsafe: bool = True) -> list[int]:
    """Original lines (1-based) that changed although no instruction there carried a fix. An insertion belongs to
    the line it lands before; where the inserted lines repeat their neighbours, any equivalent place counts."""
    import difflib

    from dockgen.engine import lint

    model = parse_text(before)
    spans = {i.line: i.end_line for i in model.instructions}
    owned: set[int] = set()
    for finding in lint(model, SETTINGS):
        if finding.fix is not None and (unsafe or finding.fix.safe):
            owned.update(range(finding.line, spans.get(finding.line, finding.line) + 1))
    old, new = before.split("\n"), after.split("\n")
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    outside: list[int] = []
    for tag, start, end, new_start, new_end in matcher.get_opcodes():
        if tag == "insert":
            if not owned & _insertion_points(old, new[new_start:new_end], start):
                outside.append(start + 1)
        elif tag != "equal":
            outside += sorted(set(range(start + 1, end + 1)) - owned)
    return outside


def _insertion_points(old: list[str], block: list[str], at: int) -> set[int]:
    """Every 1-based line before which ``block`` could be inserted into ``old`` with the same result: the diff
    picks one place, but inserting ``X`` after an ``X`` equals inserting it before."""
    points = {at + 1}
    up, rotated = at, list(block)
    while up > 0 and rotated[-1] == old[up - 1]:
        up, rotated = up - 1, [old[up - 1]] + rotated[:-1]
        points.add(up + 1)
    down, rotated = at, list(block)
    while down < len(old) and rotated[0] == old[down]:
        down, rotated = down + 1, rotated[1:] + [old[down]]
        points.add(down + 1)
    return points
