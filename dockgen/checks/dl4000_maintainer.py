"""DL4000: MAINTAINER is deprecated."""

from collections.abc import Iterator

from dockgen.checks._base import Context, Hit
from dockgen.model import Dockerfile

CODE = "DL4000"


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    for instruction in dockerfile.instructions:
        if instruction.keyword == "MAINTAINER":
            yield Hit(instruction.line)
