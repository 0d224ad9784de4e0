"""Helpers for rules about instruction arguments and repeats (COPY/ADD sources, paths, archives)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from dockgen.checks.contract import Hit
from dockgen.lint.model import Dockerfile, Instruction
from dockgen.lint.parse import words

_DRIVE = r"[A-Za-z]:"
ARCHIVE_SUFFIXES = (".tar", ".Z", ".bz2", ".gz", ".lz", ".lzma", ".tZ", ".tb2", ".tbz", ".tbz2", ".tgz", ".tlz",
                    ".tpz", ".txz", ".xz")


def copy_parts(instruction: Instruction) -> list[str]:
    """Sources and destination of COPY/ADD, quotes removed (JSON form or words)."""
    return list(instruction.json_args) if instruction.json_args is not None else words(instruction.args)


def is_absolute(path: str) -> bool:
    """Absolute for Linux or Windows images, or starting with a variable (which hadolint trusts)."""
    return path.startswith(("/", "$")) or re.match(_DRIVE, path) is not None


def unquote(value: str) -> str:
    return value.strip("'\"")


def repeated(dockerfile: Dockerfile, keyword: str) -> Iterator[Hit]:
    """Every instruction of ``keyword`` after the first in its stage."""
    for stage in dockerfile.stages:
        for instruction in [i for i in stage.instructions if i.keyword == keyword][1:]:
            yield Hit(instruction.line)
