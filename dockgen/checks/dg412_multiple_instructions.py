"""DG412 (BuildKit MultipleInstructionsDisallowed): more than one CMD, ENTRYPOINT or HEALTHCHECK in a stage."""

from collections.abc import Iterator

from dockgen.checks.contract import Context, Hit, says
from dockgen.lint.model import Dockerfile


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    for stage in dockerfile.stages:
        for keyword in ("CMD", "ENTRYPOINT", "HEALTHCHECK"):
            found = [i for i in stage.instructions if i.keyword == keyword]
            for instruction in found[:-1]:
                yield Hit(instruction.line, says(instruction=keyword, line=found[-1].line))
