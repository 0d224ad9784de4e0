"""DL3012, DL4003, DL4004 share this: a second HEALTHCHECK / CMD / ENTRYPOINT in one stage overrides the first."""

from collections.abc import Iterator

from dockgen.checks._base import Context, Hit
from dockgen.model import Dockerfile

CODE = "DL3012"


def repeated(dockerfile: Dockerfile, keyword: str) -> Iterator[Hit]:
    """Every instruction of ``keyword`` after the first in its stage."""
    for stage in dockerfile.stages:
        for instruction in [i for i in stage.instructions if i.keyword == keyword][1:]:
            yield Hit(instruction.line)


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    yield from repeated(dockerfile, "HEALTHCHECK")
