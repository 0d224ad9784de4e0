"""What one RUN's rewrite has done so far, for the clean-ups that close it, and word helpers its parts share."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from dockgen.lint.shell_chain import Part


@dataclass
class RunState:
    """What the rewritten parts of one RUN did, for the clean-ups that close it."""

    parts: list[Part] = field(default_factory=list)
    apt_installs: int = 0
    apt_updated: bool = False
    apt_sources_changed: bool = False  # a repository or key was added since the last apt-get update
    lists_removed: bool = False
    conda_tool: str | None = None
    conda_cleaned: bool = False
    cwd: str | None = "/"  # the folder the next part runs in (WORKDIR, then `cd`)
    line: int = 0
    pip_cache_mounted: bool = False  # RUN --mount=type=cache,target=/root/.cache/pip: pip's cache is meant to stay

    @property
    def no_cache(self) -> list[str]:
        return [] if self.pip_cache_mounted else ["--no-cache-dir"]


def shell_word(word: str) -> str:
    """A word the shell must not expand as a glob, with ``$VARIABLES`` still expanded."""
    return f'"{word}"' if any(char in word for char in "$*[]<>|&;() ") else word


def version_of(requirement: str) -> str:
    match = re.search(r"==\s*([^,;\s]+)", requirement)
    return match.group(1) if match else ""
