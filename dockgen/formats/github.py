"""GitHub Actions workflow commands: one ``::error``/``::warning``/``::notice`` annotation per finding."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from dockgen.api import FileResult
from dockgen.lint.findings import Severity

_COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice",
             Severity.STYLE: "notice"}


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def render(results: Sequence[FileResult], colour: bool) -> str:
    return "".join(chunks(results, colour))


def chunks(results: Sequence[FileResult], colour: bool) -> Iterator[str]:
    for result in results:
        for f in result.findings:
            properties = (f"file={_property(result.path)},line={f.line},endLine={max(f.end_line, f.line)},"
                          f"col={f.column},{f'endColumn={f.end_column},' if f.end_column is not None else ''}"
                          f"title={_property(f'{f.code} {f.name}'.strip())}")
            yield f"::{_COMMANDS[f.level]} {properties}::{_data(f'{f.code}: {f.message}')}\n"
