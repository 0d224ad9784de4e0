"""Output formats: each module renders a list of per-file results to text."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Sequence

from dockgen.api import FileResult

Formatter = Callable[[Sequence[FileResult], bool], str]
Chunker = Callable[[Sequence[FileResult], bool], Iterable[str]]
NAMES = ("tty", "json", "sarif", "github", "gitlab", "checkstyle", "junit")
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
