"""Helpers for rules about instruction arguments (COPY/ADD sources, paths)."""

from __future__ import annotations

import re

from dockgen.model import Instruction
from dockgen.parse import words

_DRIVE = re.compile(r"[A-Za-z]:")


def copy_parts(instruction: Instruction) -> list[str]:
    """Sources and destination of COPY/ADD, quotes removed (JSON form or words)."""
    return list(instruction.json_args) if instruction.json_args is not None else words(instruction.args)


def is_absolute(path: str) -> bool:
    """Absolute for Linux or Windows images, or starting with a variable (which hadolint trusts)."""
    return path.startswith(("/", "$")) or _DRIVE.match(path) is not None


def unquote(value: str) -> str:
    return value.strip("'\"")
