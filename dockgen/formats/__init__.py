"""Output formats: each module renders a list of per-file results to text."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Sequence

from dockgen.api import FileResult

Formatter = Callable[[Sequence[FileResult], bool], str]
Chunker = Callable[[Sequence[FileResult], bool], Iterable[str]]
NAMES = ("tty", "full", "concise", "json", "sarif", "github", "gitlab", "checkstyle", "junit",
         "gnu", "codeclimate", "gitlab_codeclimate", "sonarqube", "codacy")  # the last five as hadolint writes them
TERMINAL_FORMATS = frozenset({"tty", "full", "concise"})  # for people: a summary at the end, which -q leaves out
# hadolint's --file-path-in-report names every file so in these formats, and leaves the others alone.
REPORT_PATH_FORMATS = frozenset({"checkstyle", "codeclimate", "gitlab_codeclimate", "sonarqube", "junit"})
# hadolint exits 0 with these, whatever it finds: the report is the result.
NEVER_FAIL_FORMATS = frozenset({"codeclimate", "codacy"})
_MODULES = {"json": "json_format"}


def formatter(name: str) -> Formatter:
    """The renderer for a format name; modules are imported only when used."""
    module = importlib.import_module(f"dockgen.formats.{_MODULES.get(name, name)}")
    render: Formatter = module.render
    return render


def chunker(name: str) -> Chunker:
    """The renderer as pieces to write one after another (formats that can stream do; the rest give one piece)."""
    module = importlib.import_module(f"dockgen.formats.{_MODULES.get(name, name)}")
    if hasattr(module, "chunks"):
        streaming: Chunker = module.chunks
        return streaming
    render: Formatter = module.render
    return lambda results, colour: [render(results, colour)]
