"""The properties every input must keep (shared by the hypothesis tests and bench/fuzz.py)."""

from __future__ import annotations

from dockgen.api import lint_bytes
from dockgen.lint.engine import Settings
from dockgen.lint.fixer import fix_text
from dockgen.lint.parse import parse_text

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

    from dockgen.lint.engine import lint

    model = parse_text(before)
    instruction_of = {line: (i.line, i.last_line) for i in model.instructions
                      for line in range(i.line, i.last_line + 1)}
    owned: set[int] = set()
    for finding in lint(model, SETTINGS):
        if finding.fix is not None and (unsafe or finding.fix.safe):
            start, end = instruction_of.get(finding.line, (finding.line, finding.line))
            owned.update(range(start, end + 1))
    old, new = before.split("\n"), after.split("\n")
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    outside: list[int] = []
    for tag, start, end, new_start, new_end in matcher.get_opcodes():
        if tag == "insert":
            if not owned & _insertion_points(old, new[new_start:new_end], start):
                outside.append(start + 1)
        elif tag != "equal":
            outside += sorted(set(range(start + 1, end + 1)) - owned)
    if outside:  # difflib's alignment is greedy: with repeated lines it can pair the wrong copies
        return _outside_by_closest_alignment(old, new, owned) or []
    return outside


def _outside_by_closest_alignment(old: list[str], new: list[str], owned: set[int]) -> list[int] | None:
    """The lines outside the fixes under the alignment that keeps the most lines equal and, among those, blames the
    fewest lines (the same accounting as above: a changed line, or the line an insertion lands before). None when
    the files are too big for this quadratic search."""
    head = 0
    while head < min(len(old), len(new)) and old[head] == new[head]:
        head += 1
    tail = 0
    while tail < min(len(old), len(new)) - head and old[-1 - tail] == new[-1 - tail]:
        tail += 1
    a, b = old[head:len(old) - tail], new[head:len(new) - tail]
    if len(a) * len(b) > 4_000_000:
        return None
    blame = [0 if head + i + 1 in owned else 1 for i in range(len(a))] + [0 if head + len(a) + 1 in owned else 1]
    width = len(b) + 1
    # score[i][j]: the best (kept lines * weight - blamed lines) aligning a[i:] with b[j:]
    weight = len(a) + len(b) + 1
    score = [[0] * width for _ in range(len(a) + 1)]
    for j in range(len(b) - 1, -1, -1):
        score[len(a)][j] = score[len(a)][j + 1] - blame[len(a)]
    for i in range(len(a) - 1, -1, -1):
        row, below = score[i], score[i + 1]
        row[len(b)] = below[len(b)] - blame[i]
        for j in range(len(b) - 1, -1, -1):
            best = max(below[j] - blame[i], row[j + 1] - blame[i])
            if a[i] == b[j]:
                best = max(best, below[j + 1] + weight)
            row[j] = best
    outside: set[int] = set()
    i = j = 0
    while i < len(a) or j < len(b):
        if i < len(a) and j < len(b) and a[i] == b[j] and score[i][j] == score[i + 1][j + 1] + weight:
            i, j = i + 1, j + 1
            continue
        if blame[i]:
            outside.add(head + i + 1)
        if j < len(b) and score[i][j] == score[i][j + 1] - blame[i]:
            j += 1  # an insertion before a[i] first: it blames the line a deletion of a[i] would
        else:
            i += 1
    return sorted(outside)


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
