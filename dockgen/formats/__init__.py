"""Output formats: each module renders a list of per-file results to text."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from dockgen.api import FileResult

Formatter = Callable[[Sequence[FileResult], bool], str]
NAMES = ("tty", "json")


def formatter(name: str) -> Formatter:
    if name == "json":
        from dockgen.formats.json_format import render
    else:
        from dockgen.formats.tty import render
    return render
