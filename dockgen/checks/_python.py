"""Helpers for the Python-image rules (DG1xx-DG3xx): which base a stage really stands on, its RUNs, pip calls."""

from __future__ import annotations

from collections.abc import Iterator

from dockgen.checks.contract import parent_stage
from dockgen.commands.pip import is_pip_install, is_pip_wrapper
from dockgen.lint.model import Command, Dockerfile, ImageRef, Instruction, Stage


def root_image(dockerfile: Dockerfile, stage: Stage) -> ImageRef:
    """The registry image under a stage, following ``FROM <earlier stage>`` back to the first real image."""
    seen = {stage.index}
    while True:
        parent = parent_stage(dockerfile, stage)
        if parent is None or parent.index in seen:
            return stage.image
        seen.add(parent.index)
        stage = parent


def lineage(dockerfile: Dockerfile, stage: Stage) -> list[Stage]:
    """The stage and the earlier stages it is built FROM, nearest first."""
    chain = [stage]
    parent = parent_stage(dockerfile, stage)
    while parent is not None and parent not in chain:
        chain.append(parent)
        parent = parent_stage(dockerfile, parent)
    return chain


def stage_runs(stage: Stage) -> Iterator[Instruction]:
    return (instruction for instruction in stage.instructions if instruction.keyword == "RUN")


def pip_installs(run: Instruction) -> Iterator[Command]:
    return (c for c in run.commands if is_pip_install(c) and not is_pip_wrapper(c))

