"""hadolint's ``gnu`` format: ``dockgen:FILE:LINE: CODE LEVEL: MESSAGE``, one finding a line, which editors' compile
modes read."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from dockgen.api import FileResult


def chunks(results: Sequence[FileResult], colour: bool) -> Iterator[str]:
    for result in results:
        for f in result.findings:
            yield f"dockgen:{result.path}:{f.line}: {f.code} {f.level.label}: {' '.join(f.message.splitlines())}\n"


def render(results: Sequence[FileResult], colour: bool) -> str:
    return "".join(chunks(results, colour))
