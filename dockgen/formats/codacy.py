"""hadolint's ``codacy`` format: one ``{filename, line, message, patternId}`` object per finding, back to back."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from dockgen.api import FileResult
from dockgen.formats.codeclimate import compact


def chunks(results: Sequence[FileResult], colour: bool) -> Iterator[str]:
    for result in results:
        for f in result.findings:
            yield compact({"filename": result.path, "line": f.line, "message": f.message, "patternId": f.code})


def render(results: Sequence[FileResult], colour: bool) -> str:
    return "".join(chunks(results, colour))
