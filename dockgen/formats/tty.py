"""Human-readable lines, ``path:line:column: CODE [level] message``, coloured only when asked to."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from dockgen.api import FileResult
from dockgen.formats._fixes import MARK, hint, marked
from dockgen.lint.findings import Severity

_COLOURS = {Severity.ERROR: "\033[1;31m", Severity.WARNING: "\033[1;33m", Severity.INFO: "\033[32m",
            Severity.STYLE: "\033[36m"}
_BOLD, _RESET = "\033[1m", "\033[0m"


def render(results: Sequence[FileResult], colour: bool) -> str:
    return "".join(chunks(results, colour))


def chunks(results: Sequence[FileResult], colour: bool) -> Iterator[str]:
    counts: dict[Severity, int] = {}
    for result in results:
        for finding in result.findings:
            counts[finding.level] = counts.get(finding.level, 0) + 1
            code, level = finding.code, f"[{finding.level.label}]"
            if colour:
                code, level = f"{_BOLD}{code}{_RESET}", f"{_COLOURS[finding.level]}{level}{_RESET}"
            if marked(finding.fix):
                code = f"{code} {MARK}"
            yield f"{result.path}:{finding.line}:{finding.column}: {code} {level} {finding.message}\n"
    if counts:
        total = sum(counts.values())
        parts = ", ".join(f"{counts[s]} {s.label}{'s' if counts[s] != 1 and s is not Severity.INFO else ''}"
                          for s in sorted(counts, reverse=True))
        fixable = hint(results)  # in the summary's piece, so that --quiet drops both
        yield f"Found {total} finding{'s' if total != 1 else ''} ({parts}).\n" + (f"{fixable}\n" if fixable else "")
