"""DG410 (BuildKit WorkdirRelativePath): a relative WORKDIR before any absolute one in the stage."""

from collections.abc import Iterator

from dockgen.checks._structure import is_absolute, unquote
from dockgen.checks.contract import Context, Hit, args_location, hit_at, says
from dockgen.lint.model import Dockerfile


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    for stage in dockerfile.stages:
        for instruction in stage.instructions:
            if instruction.keyword != "WORKDIR":
                continue
            path = unquote(instruction.args.strip())
            if is_absolute(path):
                break
            yield hit_at(instruction, args_location(instruction, 0, len(instruction.args)),
                         says(path=path, absolute=path.lstrip("./")))
            break
