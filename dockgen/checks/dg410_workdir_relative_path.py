"""DG410 (BuildKit WorkdirRelativePath): a relative WORKDIR before any absolute one in the stage."""

from collections.abc import Iterator

from dockgen.checks._structure import is_absolute, unquote
from dockgen.checks.contract import Context, Hit, says
from dockgen.lint.model import Dockerfile


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    for stage in dockerfile.stages:
        for instruction in stage.instructions:
            if instruction.keyword != "WORKDIR":
                continue
            path = unquote(instruction.args.strip())
            if is_absolute(path):
                break
            yield Hit(instruction.line, says(path=path, absolute=path.lstrip("./")))
            break
