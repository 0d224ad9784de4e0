"""DL4000: MAINTAINER is deprecated."""

from collections.abc import Iterator

from dockgen.checks._fixes import span
from dockgen.checks.contract import Context, Hit
from dockgen.lint.edits import Edit, Fix
from dockgen.lint.model import Dockerfile, Instruction


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    for instruction in dockerfile.instructions:
        if instruction.keyword == "MAINTAINER":
            yield Hit(instruction.line, fix=_fix(dockerfile, instruction))


def _fix(dockerfile: Dockerfile, instruction: Instruction) -> Fix | None:
    if instruction.line != instruction.end_line or any(c in instruction.args for c in '"\'\\$'):
        return None  # quoting would have to be re-done, and the label might not say the same
    start, end = span(dockerfile, instruction)
    written = dockerfile.source[start:end]
    indent = written[:len(written) - len(written.lstrip())]
    author = instruction.args.strip()
    return Fix((Edit(start, end, f'{indent}LABEL org.opencontainers.image.authors="{author}"'),))
