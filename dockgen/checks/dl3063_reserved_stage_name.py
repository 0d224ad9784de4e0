"""DL3063: a stage named scratch or context."""

from collections.abc import Iterator

from dockgen.checks.contract import Context, Hit
from dockgen.model import Dockerfile


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    for stage in dockerfile.stages:
        if stage.alias in ("scratch", "context"):
            yield Hit(stage.from_instruction.line)
