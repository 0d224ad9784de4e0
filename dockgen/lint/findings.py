"""What a lint run reports."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from dockgen.lint.edits import Fix


class Severity(enum.IntEnum):
    """hadolint's levels, ordered so that a larger value is more severe."""

    STYLE = 1
    INFO = 2
    WARNING = 3
    ERROR = 4

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def from_label(cls, label: str) -> Severity:
        try:
            return cls[label.upper()]
        except KeyError:
            raise ValueError(f"unknown level {label!r}: expected error, warning, info or style") from None


@dataclass(frozen=True, slots=True)
class Finding:
    code: str
    level: Severity
    message: str
    line: int
    end_line: int
    column: int = 1
    name: str = ""
    fix: Fix | None = field(default=None, compare=False)
    # The column just past the word the finding concerns (as SARIF's endColumn), with ``column`` its first; None
    # when the finding is about the whole instruction (``column`` is then 1).
    end_column: int | None = None

    def sort_key(self) -> tuple[int, int, str]:
        return (self.line, self.column, self.code)
