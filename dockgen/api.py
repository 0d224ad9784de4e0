"""The library entry points: lint text or files."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from dockgen.lint.engine import Settings, lint
from dockgen.lint.findings import Finding
from dockgen.lint.model import Dockerfile, ParseProblem
from dockgen.lint.parse import parse_text
from dockgen.lint.source import decode, read_regular_file


@dataclass(frozen=True)
class FileResult:
    path: str
    findings: list[Finding] = field(default_factory=list)
    error: str | None = None  # an I/O problem: the file was not linted
    # The linted text, for formats that quote it (``full``); None when no one asked for it.
    source: str | None = field(default=None, compare=False, repr=False)


def lint_text(text: str, settings: Settings | None = None, path: str | None = None,
              location: Path | None = None, shellchecked: Mapping[str, list[Finding]] | None = None) -> list[Finding]:
    """Findings for Dockerfile text. ``location`` is the file on disk: rules about the build context
    (``.dockerignore``) run only when it is given. ``shellchecked``: see ``engine.lint``."""
    return lint(parse_text(text), settings or Settings(), path, location, shellchecked)


def lint_bytes(data: bytes, settings: Settings | None = None, path: str | None = None,
               location: Path | None = None, shellchecked: Mapping[str, list[Finding]] | None = None
               ) -> list[Finding]:
    """Findings for a file's raw bytes; undecodable or binary content is a DG001 finding."""
    decoded = decode(data)
    if decoded.problem is not None:
        unreadable = Dockerfile(source="", lines=(), instructions=(), comments=(), pragmas=(), stages=(),
                                problems=(ParseProblem(decoded.problem_line, decoded.problem),))
        return lint(unreadable, settings or Settings(), path)
    return lint_text(decoded.text, settings, path, location, shellchecked)


def lint_file(path: str, settings: Settings | None = None, display: str | None = None,
              shellchecked: Mapping[str, list[Finding]] | None = None) -> FileResult:
    """Read and lint one file; a file that cannot be read gives a result with ``error`` set."""
    display = display or path
    try:
        data = read_regular_file(path)
    except OSError as error:
        return FileResult(display, error=f"{display}: {error.strerror or error}")
    return FileResult(display, lint_bytes(data, settings, display, Path(path), shellchecked))


def lint_paths(paths: Iterable[str | Path], settings: Settings | Callable[[Path], Settings] | None = None
               ) -> list[FileResult]:
    """Lint files, in order. ``settings`` may be one Settings or a function of the file's path (as the CLI does
    for configuration discovery)."""
    return [lint_file(str(path), settings(Path(path)) if callable(settings) else settings) for path in paths]
