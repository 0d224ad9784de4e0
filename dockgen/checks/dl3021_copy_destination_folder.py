"""DL3021: COPY of several sources to a destination that is not a folder (no trailing slash)."""

from collections.abc import Iterator

from dockgen.checks._structure import copy_parts, unquote
from dockgen.checks.contract import Context, Hit, hit_at, says, written_at
from dockgen.lint.model import Dockerfile


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    for instruction in dockerfile.instructions:
        if instruction.keyword != "COPY":
            continue
        parts = copy_parts(instruction)
        if len(parts) >= 3 and not unquote(parts[-1]).endswith("/"):
            yield hit_at(instruction, written_at(instruction, parts[-1]), says(destination=unquote(parts[-1])))
