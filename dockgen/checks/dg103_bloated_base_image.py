"""DG103: a base image with a much smaller variant that does the same job."""

import re
from collections.abc import Iterator

from dockgen.checks._base import shipped_stages
from dockgen.checks._fixes import replace_text, word_columns
from dockgen.checks.contract import Context, Hit, parent_stage, says
from dockgen.commands.build import compiles
from dockgen.knowledge import images
from dockgen.lint.model import Dockerfile, Stage


# A stage named for development or building (``AS devel``, ``AS builder``) is meant to carry the toolchain,
# even when it is last: multi-target files build it with ``--target``.
_TOOLCHAIN_STAGE = r"(?i)dev|build"


def _compiling(dockerfile: Dockerfile) -> set[int]:
    """Stages that compile, themselves or in a stage built FROM them: their toolchain image is in use."""
    found: set[int] = set()
    for stage in dockerfile.stages:
        if compiles(stage.instructions):
            current: Stage | None = stage
            while current is not None and current.index not in found:
                found.add(current.index)
                current = parent_stage(dockerfile, current)
    return found


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    shipped = shipped_stages(dockerfile)
    compiling = _compiling(dockerfile)
    for stage in dockerfile.stages:
        if (stage.alias and re.search(_TOOLCHAIN_STAGE, stage.alias)) or stage.index in compiling:
            continue
        found = images.bloat(stage.image, final_stage=stage.index in shipped)
        if found:
            single = " " not in found.suggestion and not stage.image.has_variable
            column, end_column = word_columns(dockerfile, stage.from_instruction, stage.image.raw)
            yield Hit(stage.from_instruction.line,
                      says("sizes", image=stage.image.raw, size=found.size, suggestion=found.suggestion,
                           smaller_size=found.smaller_size) if len(stage.image.raw) + len(found.size)
                      + len(found.suggestion) + len(found.smaller_size) < 100
                      else says(image=stage.image.raw, size=found.size, suggestion=found.suggestion),
                      fix=replace_text(dockerfile, stage.from_instruction, stage.image.raw, found.suggestion)
                      if single else None,
                      column=column, end_column=end_column)
