"""DG102: a base image that is no longer maintained."""

from collections.abc import Iterator

from dockgen.checks._fixes import word_columns
from dockgen.checks.contract import Context, Hit, says
from dockgen.knowledge import images
from dockgen.lint.model import Dockerfile


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    for stage in dockerfile.stages:
        found = images.deprecation(stage.image)
        if found:
            column, end_column = word_columns(dockerfile, stage.from_instruction, stage.image.raw)
            yield Hit(stage.from_instruction.line,
                      says(image=stage.image.raw, replacement=found.replacement) if len(found.replacement) <= 70
                      else says("unreplaced", image=stage.image.raw),
                      column=column, end_column=end_column)
