"""``.dockerignore`` files: finding the one that applies and matching paths against its patterns.

Patterns follow the builder's rules: one per line, ``#`` comments, a leading ``/`` ignored, ``*`` and ``?`` within one
path component, ``**`` across components, ``!`` re-includes, the last matching pattern wins, and a pattern that
matches a folder excludes everything under it.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class IgnoreFile:
    path: Path
    patterns: tuple[tuple[re.Pattern[str], bool, str], ...]  # (regex, is_exception, as written)

    def excluding_pattern(self, relative: str) -> str | None:
        """The pattern that keeps ``relative`` (a path inside the context) out of the build, or None."""
        relative = _clean(relative)
        excluded_by: str | None = None
        for regex, exception, written in self.patterns:
            if _matches(regex, relative):
                excluded_by = None if exception else written
        return excluded_by


def _clean(path: str) -> str:
    parts = [part for part in path.replace("\\", "/").split("/") if part not in ("", ".")]
    return "/".join(parts)


def _matches(regex: re.Pattern[str], path: str) -> bool:
    """The path itself or one of its parent folders matches."""
    parts = path.split("/")
    return any(regex.fullmatch("/".join(parts[:end])) for end in range(len(parts), 0, -1))


def _compile(pattern: str) -> re.Pattern[str]:
    out = []
    index = 0
    while index < len(pattern):
        char = pattern[index]
        if pattern.startswith("**", index):
            index += 2
            if pattern.startswith("/", index):
                out.append("(?:.*/)?")
                index += 1
            else:
                out.append(".*")
            continue
        if char == "*":
            out.append("[^/]*")
        elif char == "?":
            out.append("[^/]")
        elif char == "[":
            end = pattern.find("]", index)
            if end < 0:
                out.append(re.escape(char))
            else:
                out.append("[" + pattern[index + 1:end].replace("!", "^", 1) + "]")
                index = end
        elif char == "\\" and index + 1 < len(pattern):
            index += 1
            out.append(re.escape(pattern[index]))
        else:
            out.append(re.escape(char))
        index += 1
    return re.compile("".join(out))


def parse(text: str, path: Path) -> IgnoreFile:
    patterns = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        exception = line.startswith("!")
        body = _clean(line[1:].strip() if exception else line)
        if not body:
            continue
        try:
            patterns.append((_compile(body), exception, line))
        except re.error:
            continue  # a pattern the builder would reject: it cannot exclude anything we can tell
    return IgnoreFile(path, tuple(patterns))


@functools.lru_cache(maxsize=256)
def for_dockerfile(dockerfile: Path) -> IgnoreFile | None:
    """``<Dockerfile>.dockerignore`` beside the file, else ``.dockerignore`` in its folder (the usual context)."""
    for candidate in (dockerfile.with_name(dockerfile.name + ".dockerignore"), dockerfile.parent / ".dockerignore"):
        try:
            return parse(candidate.read_text(encoding="utf-8", errors="replace"), candidate)
        except OSError:
            continue
    return None


@functools.lru_cache(maxsize=256)
def any_above(folder: Path) -> bool:
    """Is there a ``.dockerignore`` in the folder or a parent up to the repository root (``.git``)?"""
    for directory in (folder, *folder.parents):
        if any(directory.glob("*.dockerignore")) or (directory / ".dockerignore").is_file():
            return True
        if (directory / ".git").exists():
            return False
    return False
