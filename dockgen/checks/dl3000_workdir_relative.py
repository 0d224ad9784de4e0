"""DL3000: a relative WORKDIR."""

from collections.abc import Iterator

from dockgen.checks._structure import is_absolute, unquote
from dockgen.checks.contract import Context, Hit, args_location, hit_at, says
from dockgen.lint.model import Dockerfile


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    for instruction in dockerfile.instructions:
        if instruction.keyword == "WORKDIR" and not is_absolute(unquote(instruction.args)):
            yield hit_at(instruction, args_location(instruction, 0, len(instruction.args)),
                         says(path=instruction.args.strip()))
