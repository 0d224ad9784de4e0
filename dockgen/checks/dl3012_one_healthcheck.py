"""DL3012: more than one HEALTHCHECK in a stage."""

from collections.abc import Iterator

from dockgen.checks._structure import repeated
from dockgen.checks.contract import Context, Hit
from dockgen.lint.model import Dockerfile


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    yield from repeated(dockerfile, "HEALTHCHECK")
