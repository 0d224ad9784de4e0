"""A JSON list of findings over all files, in file then line order."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence

from dockgen.api import FileResult


def chunks(results: Sequence[FileResult], colour: bool) -> Iterator[str]:
    """Written row by row, so a file with half a million findings is not held twice in memory."""
    first = True
    yield "["
    for result in results:
        for f in result.findings:
            row = {"file": result.path, "line": f.line, "column": f.column, "end_line": f.end_line, "code": f.code,
                   "name": f.name, "level": f.level.label, "message": f.message}
            yield ("\n" if first else ",\n") + "\n".join("  " + line for line in json.dumps(row, indent=2).split("\n"))
            first = False
    yield "\n]\n" if not first else "]\n"


def render(results: Sequence[FileResult], colour: bool) -> str:
    return "".join(chunks(results, colour))
