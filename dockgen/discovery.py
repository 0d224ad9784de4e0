"""Which files in a folder are Dockerfiles."""

from __future__ import annotations

import fnmatch
import os
from pathlib import Path

PATTERNS = ("Dockerfile", "Dockerfile.*", "*.Dockerfile", "*.dockerfile", "Containerfile", "Containerfile.*")
_SKIPPED_FOLDERS = frozenset({"node_modules", "__pycache__", "venv", "site-packages"})


def is_dockerfile_name(name: str) -> bool:
    return any(fnmatch.fnmatchcase(name, pattern) for pattern in PATTERNS) and not name.endswith(".dockerignore")


def find_dockerfiles(folder: Path) -> list[Path]:
    """Dockerfiles below ``folder``, sorted; hidden folders (``.git``, ``.venv``) and vendored trees are skipped."""
    found: list[Path] = []
    for root, folders, files in os.walk(folder):
        folders[:] = sorted(f for f in folders if not f.startswith(".") and f not in _SKIPPED_FOLDERS)
        found.extend(Path(root) / name for name in sorted(files) if is_dockerfile_name(name))
    return found
