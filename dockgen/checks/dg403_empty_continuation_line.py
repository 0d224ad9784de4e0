"""DG403 (BuildKit NoEmptyContinuation): an empty line inside a line continuation."""

from collections.abc import Iterator

from dockgen.checks.contract import Context, Hit, says
from dockgen.lint.model import Dockerfile


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    for instruction in dockerfile.instructions:
        last = instruction.heredocs[0].start_line - 1 if instruction.heredocs else instruction.end_line
        empty = [n for n in range(instruction.line + 1, last) if not dockerfile.lines[n - 1].strip()]
        if empty:
            yield Hit(instruction.line, says(line=empty[0]))
