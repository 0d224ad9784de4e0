"""DL4001: both curl and wget in one stage."""

from collections.abc import Iterator

from dockgen.checks.contract import Context, Hit, hit_at
from dockgen.lint.model import Dockerfile

_TOOLS = frozenset({"curl", "wget"})


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    stage_tools: set[str] = set()
    onbuild_tools: set[str] = set()  # ONBUILD triggers keep their own account, as in hadolint
    for instruction in dockerfile.instructions:
        if instruction.keyword == "FROM":
            stage_tools = set()
        run, seen = (instruction.inner, onbuild_tools) if instruction.inner is not None else (instruction, stage_tools)
        if run.keyword != "RUN":
            continue
        used = {c.name for c in run.commands} & _TOOLS
        seen |= used
        if used and seen == _TOOLS:
            yield hit_at(run, next(c for c in run.commands if c.name in _TOOLS).program_location())
