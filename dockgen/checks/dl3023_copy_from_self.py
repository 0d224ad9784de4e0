"""DL3023: COPY --from the stage it stands in."""

from collections.abc import Iterator

from dockgen.checks.contract import Context, Hit, says
from dockgen.lint.model import Dockerfile


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    for stage in dockerfile.stages:
        for instruction in stage.instructions:
            source = instruction.flag("from") if instruction.keyword == "COPY" else None
            if source is not None and stage.alias is not None and source.value == stage.alias:
                yield Hit(instruction.line, says(stage=source.value))
