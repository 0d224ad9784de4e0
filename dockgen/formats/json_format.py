"""A JSON list of findings over all files, in file then line order."""

from __future__ import annotations

import json
from collections.abc import Sequence

from dockgen.api import FileResult


def render(results: Sequence[FileResult], colour: bool) -> str:
    rows = [
        {"file": result.path, "line": f.line, "column": f.column, "end_line": f.end_line, "code": f.code,
         "name": f.name, "level": f.level.label, "message": f.message}
        for result in results for f in result.findings
    ]
    return json.dumps(rows, indent=2) + "\n"
