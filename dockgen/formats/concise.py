"""ruff's ``concise`` format: one line a finding, ``path:line:column: CODE message``, then the summary ``tty`` ends
with."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from dockgen.api import FileResult
from dockgen.formats._terminal import tty_pieces


def render(results: Sequence[FileResult], colour: bool) -> str:
    return "".join(chunks(results, colour))


def chunks(results: Sequence[FileResult], colour: bool) -> Iterator[str]:
    for result in results:
        for finding in result.findings:
            code = f"\033[1m{finding.code}\033[0m" if colour else finding.code
            yield f"{result.path}:{finding.line}:{finding.column}: {code} {finding.message}\n"
    yield from tty_pieces(results, colour)[1]
