"""Output formats: each module renders a list of per-file results to text."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence

from dockgen.api import FileResult

Formatter = Callable[[Sequence[FileResult], bool], str]
NAMES = ("tty", "json", "sarif", "github", "gitlab", "checkstyle", "junit")
_MODULES = {"json": "json_format"}


def formatter(name: str) -> Formatter:
    """The renderer for a format name; modules are imported only when used."""
    module = importlib.import_module(f"dockgen.formats.{_MODULES.get(name, name)}")
    render: Formatter = module.render
    return render
