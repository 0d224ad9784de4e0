"""The files a Dockerfile's build can see: the folder of the Dockerfile by default, ``--context DIR`` otherwise.

The converter reads requirement and environment files from here; a missing or unreadable file is None, never an
error, because the install that names it is then carried over as it stands (with a note).
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

_LIMIT = 1_000_000  # bytes: a requirements or environment file is small; anything larger is not one


class BuildContext(Protocol):
    @property
    def label(self) -> str:
        """How notes name the context (a folder path)."""

    def read_text(self, path: str) -> str | None:
        """The text of a file at ``path`` (relative to the context root, ``/``-separated), or None."""


@dataclass(frozen=True)
class NoContext:
    """No build context: every file is unknown."""

    label: str = "no build context"

    def read_text(self, path: str) -> str | None:
        return None


@dataclass(frozen=True)
class DirectoryContext:
    root: Path

    @property
    def label(self) -> str:
        return str(self.root)

    def read_text(self, path: str) -> str | None:
        relative = inside(path)
        if relative is None:
            return None
        try:
            with (self.root / relative).open("rb") as handle:
                data = handle.read(_LIMIT + 1)
        except OSError:
            return None
        if len(data) > _LIMIT:
            return None
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError:
            return None


def inside(path: str) -> str | None:
    """``path`` normalized inside the context root (``./a/../b`` -> ``b``), None when it leaves the root."""
    normal = posixpath.normpath("/" + path.lstrip("/"))
    relative = normal.lstrip("/")
    return relative if relative and ".." not in relative.split("/") else None
