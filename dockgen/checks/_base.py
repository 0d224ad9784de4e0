"""Helpers several checks share (what a check is: ``dockgen.checks.contract``)."""

from __future__ import annotations

from collections.abc import Iterator

from dockgen.checks.contract import parent_stage
from dockgen.commands.windows import WindowsScript, is_powershell, parse_windows
from dockgen.lint.model import Command, Dockerfile, Instruction, Stage
from dockgen.lint.parse import is_posix_shell


def mount_targets(run: Instruction, types: frozenset[str] = frozenset({"cache", "tmpfs"})) -> list[str]:
    """Targets of ``--mount`` flags of the given types."""
    targets = []
    for flag in run.flags:
        if flag.name != "mount" or flag.value is None:
            continue
        options = dict(part.partition("=")[::2] for part in flag.value.split(","))
        if options.get("type", "bind") in types:
            targets.append(options.get("target") or options.get("dst") or options.get("destination") or "")
    return targets


def has_cache_mount(run: Instruction, fragment: str) -> bool:
    return any(fragment in target for target in mount_targets(run))


def windows_script(run: Instruction) -> WindowsScript | None:
    """A shell-form RUN under a PowerShell or cmd SHELL, split into commands; None for any other RUN."""
    if run.shell is None or run.is_exec_form or is_posix_shell(run.shell):
        return None
    return parse_windows(run.args, is_powershell(run.shell))


def script_commands(run: Instruction) -> tuple[Command, ...]:
    """The RUN's simple commands, under a PowerShell or cmd SHELL too (for the rules hadolint applies there)."""
    windows = windows_script(run)
    return run.commands if windows is None else windows.commands


def stage_of(dockerfile: Dockerfile, instruction: Instruction) -> Stage | None:
    return dockerfile.stages[instruction.stage] if 0 <= instruction.stage < len(dockerfile.stages) else None


def stage_key(stage: Stage) -> str:
    """hadolint keys stage state by alias, else by the image name without tag."""
    return stage.alias if stage.alias else stage.image.name


def reported_runs(dockerfile: Dockerfile) -> Iterator[Instruction]:
    """RUNs whose leftovers hadolint's cache rules (DL3009, DL3060) report: those in the final stage or in a stage
    used as another's base, and every ONBUILD trigger (it runs in a later build's final stage)."""
    used_as_base = {stage.image.raw for stage in dockerfile.stages}
    reported = {stage.index for stage in dockerfile.stages
                if stage.index == len(dockerfile.stages) - 1 or (stage.alias and stage.alias in used_as_base)}
    for instruction in dockerfile.instructions:
        if instruction.inner is not None and instruction.inner.keyword == "RUN":
            yield instruction.inner
        elif instruction.keyword == "RUN" and instruction.stage in reported:
            yield instruction


def shipped_stages(dockerfile: Dockerfile) -> frozenset[int]:
    """The final stage and the stages it is built FROM: their base images end up in the image."""
    shipped: set[int] = set()
    stage = dockerfile.final_stage
    while stage is not None and stage.index not in shipped:
        shipped.add(stage.index)
        stage = parent_stage(dockerfile, stage)
    return frozenset(shipped)
