"""Which files in a folder are Dockerfiles, leaving out what git ignores and what the configuration excludes."""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathspec import GitIgnoreSpec

PATTERNS = ("Dockerfile", "Dockerfile.*", "*.Dockerfile", "*.dockerfile", "Containerfile", "Containerfile.*")
_SKIPPED_FOLDERS = frozenset({"node_modules", "__pycache__", "venv", "site-packages"})


def is_dockerfile_name(name: str) -> bool:
    return any(fnmatch.fnmatchcase(name, pattern) for pattern in PATTERNS) and not name.endswith(".dockerignore")


def find_dockerfiles(folder: Path, respect_gitignore: bool = True,
                     on_error: Callable[[OSError], None] | None = None) -> list[Path]:
    """Dockerfiles below ``folder``, sorted; hidden folders (``.git``, ``.venv``), vendored trees and, unless told
    otherwise, files that a ``.gitignore`` of the repository ignores are skipped. A folder that cannot be listed is
    passed to ``on_error`` and the search goes on."""
    ignores = _GitIgnores(folder) if respect_gitignore else None
    found: list[Path] = []
    for root, folders, files in os.walk(folder, onerror=on_error):
        here = Path(root)
        if ignores is not None:
            ignores.enter(here)
        folders[:] = sorted(f for f in folders if not f.startswith(".") and f not in _SKIPPED_FOLDERS
                            and not (ignores and ignores.ignored(here / f, folder=True)))
        found.extend(here / name for name in sorted(files)
                     if is_dockerfile_name(name) and not (ignores and ignores.ignored(here / name)))
    return found


class _GitIgnores:
    """The ``.gitignore`` files that apply inside a repository: the root's, the ones on the way down to the searched
    folder, and those met while walking (each relative to its own folder)."""

    def __init__(self, folder: Path) -> None:
        self.specs: dict[Path, GitIgnoreSpec] = {}
        folder = folder.resolve()
        root = next((d for d in (folder, *folder.parents) if (d / ".git").exists()), None)
        if root is not None:
            for directory in [folder, *folder.parents][: len(folder.parts) - len(root.parts) + 1]:
                self.enter(directory)

    def enter(self, directory: Path) -> None:
        directory = directory.resolve()
        if directory in self.specs:
            return
        try:
            text = (directory / ".gitignore").read_text(encoding="utf-8", errors="replace")
        except OSError:
            return
        from pathspec import GitIgnoreSpec  # only when a .gitignore is met: keeps a one-file run light

        self.specs[directory] = GitIgnoreSpec.from_lines(text.splitlines())

    def ignored(self, path: Path, folder: bool = False) -> bool:
        path = real_path(path)
        for base, spec in self.specs.items():
            if base in path.parents:
                relative = path.relative_to(base).as_posix() + ("/" if folder else "")
                if spec.match_file(relative):
                    return True
        return False


def real_path(path: Path) -> Path:
    """The path with symbolic links resolved as far as they go. ``Path.resolve()`` raises RuntimeError on a link
    loop before Python 3.13; a loop or a dangling link is reported when the file is read, not here."""
    return Path(os.path.realpath(path))


def excluded(path: Path, patterns: Iterable[str], root: Path) -> bool:
    """Does an ``exclude`` pattern (gitignore syntax, relative to the configuration's folder) match the path?"""
    patterns = list(patterns)
    if not patterns:
        return False
    from pathspec import GitIgnoreSpec

    try:
        relative = real_path(path).relative_to(real_path(root)).as_posix()
    except ValueError:
        relative = path.as_posix()
    return GitIgnoreSpec.from_lines(patterns).match_file(relative)
