"""DL3045: COPY to a relative destination before any WORKDIR in the stage."""

from collections.abc import Iterator

from dockgen.checks._base import stage_key
from dockgen.checks._structure import copy_parts, is_absolute, unquote
from dockgen.checks.contract import Context, Hit, hit_at, says, written_at
from dockgen.lint.model import Dockerfile


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    # Keyed by stage name as hadolint does (alias, else image name): a stage inherits the WORKDIR state of the
    # stage whose name equals its image's name, so unaliased stages of the same image share it.
    has_workdir: dict[str, bool] = {}
    for stage in dockerfile.stages:
        key = stage_key(stage)
        current = has_workdir.get(stage.image.name, False)
        for instruction in stage.instructions[1:]:
            if instruction.keyword == "WORKDIR":
                current = True
            elif instruction.keyword == "COPY" and not current:
                parts = copy_parts(instruction)
                if len(parts) >= 2 and not is_absolute(unquote(parts[-1])):
                    yield hit_at(instruction, written_at(instruction, parts[-1]), says(destination=unquote(parts[-1])))
        has_workdir[key] = current
