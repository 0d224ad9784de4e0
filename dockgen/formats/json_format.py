"""A JSON list of findings over all files, in file then line order."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from json.encoder import encode_basestring_ascii as _string  # what json.dumps does with a str, without its overhead

from dockgen.api import FileResult
from dockgen.lint.edits import Fix

# One finding as json.dumps(row, indent=2) lays it out, one level in; filled in directly (a corpus run writes tens of
# thousands of rows, and json's indenting encoder is pure Python).
_ROW = ('  {{\n    "file": {},\n    "line": {},\n    "column": {},\n    "end_line": {},\n    "end_column": {},\n'
        '    "code": {},\n    "name": {},\n    "level": {},\n    "message": {},\n    "fix": {}\n  }}')
_FIX = '{{\n      "applicability": {},\n      "edits": [{}]\n    }}'
_EDIT = ('        {{\n          "line": {},\n          "column": {},\n          "end_line": {},\n'
         '          "end_column": {},\n          "content": {}\n        }}')


def _number(value: int | None) -> str:
    return "null" if value is None else str(int(value))


def _fix(fix: Fix | None) -> str:
    """As ruff's JSON: the applicability, and each edit's range and new text; laid out as json.dumps(indent=2)
    nests it two levels in."""
    if fix is None:
        return "null"
    edits = ",\n".join(_EDIT.format(*(_number(n) for n in where), _string(edit.text))
                       for edit, where in zip(fix.edits, fix.ranges))
    return _FIX.format(_string("safe" if fix.safe else "unsafe"), f"\n{edits}\n      " if edits else "")


def chunks(results: Sequence[FileResult], colour: bool) -> Iterator[str]:
    """Written row by row, so a file with half a million findings is not held twice in memory."""
    first = True
    yield "["
    for result in results:
        for f in result.findings:
            row = _ROW.format(_string(result.path), _number(f.line), _number(f.column), _number(f.end_line),
                              _number(f.end_column),
                              _string(f.code), _string(f.name), _string(f.level.label), _string(f.message),
                              _fix(f.fix))
            yield ("\n" if first else ",\n") + row
            first = False
    yield "\n]\n" if not first else "]\n"


def render(results: Sequence[FileResult], colour: bool) -> str:
    return "".join(chunks(results, colour))
