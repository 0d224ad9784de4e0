"""A JSON list of findings over all files, in file then line order."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from json.encoder import encode_basestring_ascii as _string  # what json.dumps does with a str, without its overhead

from dockgen.api import FileResult

# One finding as json.dumps(row, indent=2) lays it out, one level in; filled in directly (a corpus run writes tens of
# thousands of rows, and json's indenting encoder is pure Python).
_ROW = ('  {{\n    "file": {},\n    "line": {},\n    "column": {},\n    "end_line": {},\n    "end_column": {},\n'
        '    "code": {},\n    "name": {},\n    "level": {},\n    "message": {}\n  }}')


def _number(value: int | None) -> str:
    return "null" if value is None else str(int(value))


def chunks(results: Sequence[FileResult], colour: bool) -> Iterator[str]:
    """Written row by row, so a file with half a million findings is not held twice in memory."""
    first = True
    yield "["
    for result in results:
        for f in result.findings:
            row = _ROW.format(_string(result.path), _number(f.line), _number(f.column), _number(f.end_line),
                              _number(f.end_column),
                              _string(f.code), _string(f.name), _string(f.level.label), _string(f.message))
            yield ("\n" if first else ",\n") + row
            first = False
    yield "\n]\n" if not first else "]\n"


def render(results: Sequence[FileResult], colour: bool) -> str:
    return "".join(chunks(results, colour))
