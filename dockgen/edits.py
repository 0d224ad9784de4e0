"""Text edits on a Dockerfile's source, the unit every fix is made of."""

from __future__ import annotations

from dataclasses import dataclass


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

    @property
    def start(self) -> int:
        return min(edit.start for edit in self.edits)

    @property
    def end(self) -> int:
        return max(edit.end for edit in self.edits)


def apply(source: str, fixes: list[Fix]) -> tuple[str, list[Fix]]:
    """Apply the fixes that do not overlap an earlier one; returns the new text and the fixes applied."""
    chosen: list[Fix] = []
    taken: list[tuple[int, int]] = []
    for fix in sorted(fixes, key=lambda f: (f.start, f.end)):
        spans = [(edit.start, edit.end) for edit in fix.edits]
        if any(_overlap(span, other) for span in spans for other in taken):
            continue
        chosen.append(fix)
        taken.extend(spans)
    edits = sorted((edit for fix in chosen for edit in fix.edits), key=lambda e: (e.start, e.end), reverse=True)
    for edit in edits:
        source = source[:edit.start] + edit.text + source[edit.end:]
    return source, chosen


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Spans overlap, or two insertions land on the same spot (their order would be arbitrary)."""
    if a[0] == a[1] == b[0] == b[1]:
        return True
    return a[0] < b[1] and b[0] < a[1]
