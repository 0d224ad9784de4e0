"""ruff's ``full`` format: each finding as ``tty`` writes it, then the lines it is on with a caret under the word
it concerns (under the whole instruction when it concerns all of it), then ``tty``'s summary."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from dockgen.api import FileResult
from dockgen.formats._terminal import tty_pieces
from dockgen.lint.findings import Finding

MAX_LINES = 8  # of one finding's snippet; a longer instruction ends with "..."
_CARET, _RESET = "\033[1;31m", "\033[0m"


def render(results: Sequence[FileResult], colour: bool) -> str:
    return "".join(chunks(results, colour))


def chunks(results: Sequence[FileResult], colour: bool) -> Iterator[str]:
    headers, closing = tty_pieces(results, colour)
    index = 0
    for result in results:
        lines = _lines(result.source)
        for finding in result.findings:
            yield headers[index] + "".join(line + "\n" for line in snippet(lines, finding, colour)) + "\n"
            index += 1
    yield from closing


def _lines(source: str | None) -> list[str]:
    if source is None:
        return []
    return [line.removesuffix("\r") for line in source.removeprefix("\ufeff").split("\n")]


def snippet(lines: Sequence[str], finding: Finding, colour: bool = False) -> list[str]:
    """The finding's lines, numbered, each with a line of carets under the part the finding concerns; nothing when
    the lines are not known."""
    if not 1 <= finding.line <= len(lines):
        return []
    whole = finding.end_column is None
    last = min(max(finding.end_line, _continued(lines, finding.line)) if whole else finding.end_line, len(lines))
    shown = min(last, finding.line + MAX_LINES - 1)
    width = len(str(shown))
    gutter = " " * width + " |"
    out = [gutter]
    for number in range(finding.line, shown + 1):
        text = lines[number - 1]
        start = finding.column if number == finding.line else 1
        if whole or number > finding.line:
            start = max(start, len(text) - len(text.lstrip()) + 1)  # from the first character written
        if finding.end_column is not None and number == finding.end_line:
            end = finding.end_column
        else:  # to the end of what is written, a line continuation left out
            end = len(text.rstrip().removesuffix("\\").rstrip()) + 1
        before, marked = _display(text[:start - 1]), _display(text[start - 1:end - 1])
        carets = "^" * max(len(marked), 1)
        out.append(f"{number:>{width}} | {_display(text)}".rstrip())
        out.append(f"{gutter} {' ' * len(before)}{_CARET + carets + _RESET if colour else carets}")
    if shown < last:
        out.append(f"{' ' * width} | ...")
    out.append(gutter)
    return out


def _continued(lines: Sequence[str], line: int) -> int:
    """The last line of the instruction that starts on ``line``, following ``\\`` line continuations."""
    while line < len(lines) and lines[line - 1].rstrip().endswith("\\"):
        line += 1
    return line


def _display(text: str) -> str:
    return text.replace("\t", "    ")
