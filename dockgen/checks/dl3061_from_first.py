"""DL3061: an instruction other than ARG before the first FROM."""

from collections.abc import Iterator

from dockgen.checks.contract import Context, Hit
from dockgen.lint.model import Dockerfile


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    for instruction in dockerfile.instructions:
        if instruction.keyword == "FROM":
            return
        if instruction.keyword != "ARG":
            yield Hit(instruction.line, f"`{instruction.keyword}` comes before the first FROM: begin with FROM (only "
                      "ARG may come before it)")
