"""Text edits on a Dockerfile's source, the unit every fix is made of."""

from __future__ import annotations

import bisect
import functools
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``source[start:end]`` with ``text`` (an insertion when start == end)."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Fix:
    edits: tuple[Edit, ...]
    # Set by the engine from the rule's ``fix-safety`` (checks never state it): True, the built image cannot change
    # (casing, spelling); False, it can (flags, cleanup, images).
    safe: bool = False
    # Set by the engine for reports: where the source's lines start (one tuple shared by a file's fixes: a fix
    # holds no positions of its own, which a file with 100,000 fixes would feel), read by ``ranges``.
    line_starts: tuple[int, ...] = field(default=(), repr=False, compare=False)

    @property
    def ranges(self) -> tuple[tuple[int, int, int, int], ...]:
        """Where each edit lies, as (line, column, end_line, end_column), 1-based with the end exclusive (as SARIF's
        regions), in the order of ``edits``; empty before the engine sets ``line_starts``."""
        starts = self.line_starts
        if not starts:
            return ()
        return tuple((*_position(starts, edit.start), *_position(starts, edit.end)) for edit in self.edits)

    @property
    def start(self) -> int:
        return min(edit.start for edit in self.edits)

    @property
    def end(self) -> int:
        return max(edit.end for edit in self.edits)


@functools.lru_cache(maxsize=4)  # the findings of one file share it
def line_starts(source: str) -> tuple[int, ...]:
    """The offset where each line of ``source`` starts."""
    starts = [0]
    position = source.find("\n")
    while position >= 0:
        starts.append(position + 1)
        position = source.find("\n", position + 1)
    return tuple(starts)


def _position(starts: tuple[int, ...], offset: int) -> tuple[int, int]:
    line = bisect.bisect_right(starts, offset)
    return line, offset - starts[line - 1] + 1


def apply(source: str, fixes: list[Fix]) -> tuple[str, list[Fix]]:
    """Apply the fixes that do not overlap an earlier one; returns the new text and the fixes applied.

    O(n log n) in the number of edits: the spans taken are kept sorted, and the text is joined once."""
    chosen: list[Fix] = []
    starts: list[int] = []  # the spans taken, sorted by start; they never overlap one another
    ends: list[int] = []
    for fix in sorted(fixes, key=lambda f: (f.start, f.end)):
        spans = sorted((edit.start, edit.end) for edit in fix.edits)
        if any(_taken(span, starts, ends) for span in spans):
            continue
        chosen.append(fix)
        for start, end in spans:
            at = bisect.bisect_right(starts, start)
            starts.insert(at, start)
            ends.insert(at, end)
    edits = sorted((edit for fix in chosen for edit in fix.edits), key=lambda e: (e.start, e.end))
    pieces, position = [], 0
    for edit in edits:
        pieces += [source[position:edit.start], edit.text]
        position = edit.end
    pieces.append(source[position:])
    return "".join(pieces), chosen


def _taken(span: tuple[int, int], starts: list[int], ends: list[int]) -> bool:
    """``span`` overlaps one of the sorted, disjoint spans taken: only its neighbours there can (two of them may
    share a start, an insertion and the span it precedes)."""
    at = bisect.bisect_left(starts, span[0])
    return any(_overlap(span, (starts[i], ends[i])) for i in range(max(at - 2, 0), min(at + 2, len(starts))))


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Spans overlap, or two insertions land on the same spot (their order would be arbitrary)."""
    if a[0] == a[1] == b[0] == b[1]:
        return True
    return a[0] < b[1] and b[0] < a[1]
