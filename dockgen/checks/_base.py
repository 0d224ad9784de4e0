"""What a check is, and helpers several checks share.

A check is a module in this package with ``CODE`` and ``check(dockerfile, context) -> Iterable[Hit]``. It never
formats output, decides levels, reads suppressions or touches files.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from dockgen.edits import Fix
from dockgen.parse import key_values
from dockgen.model import Command, Dockerfile, Instruction, Stage


class Hit(NamedTuple):
    line: int
    message: str | None = None  # None: the rule's summary
    end_line: int | None = None
    fix: Fix | Callable[[], Fix | None] | None = None  # a callable is only called when fixing


@dataclass(frozen=True, slots=True)
class Context:
    """Options checks may read; every field has a default so checks run without any configuration."""

    today: datetime.date = field(default_factory=datetime.date.today)
    trusted_registries: tuple[str, ...] = ()  # DL3026 runs only when some are given
    label_schema: tuple[tuple[str, str], ...] = ()  # (label, type) for DL3049-DL3058
    strict_labels: bool = False
    location: Path | None = None  # the Dockerfile on disk, when linting a file: its folder is the likely context


def instructions_with_onbuild(dockerfile: Dockerfile, keyword: str) -> tuple[Instruction, ...]:
    """Top-level instructions of ``keyword`` and the ones wrapped in ONBUILD, in file order."""
    return dockerfile.with_onbuild.get(keyword, ())


def runs(dockerfile: Dockerfile, onbuild: bool) -> tuple[Instruction, ...]:
    return (dockerfile.with_onbuild if onbuild else dockerfile.by_keyword).get("RUN", ())


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


def commands_named(run: Instruction, *names: str) -> list[Command]:
    return [command for command in run.commands if command.name in names]


def stage_of(dockerfile: Dockerfile, instruction: Instruction) -> Stage | None:
    return dockerfile.stages[instruction.stage] if 0 <= instruction.stage < len(dockerfile.stages) else None


def parent_stage(dockerfile: Dockerfile, stage: Stage) -> Stage | None:
    """The earlier stage this one is built ``FROM``, by alias (or by hadolint's image-name key)."""
    return dockerfile.stages[stage.parent] if stage.parent is not None else None


def stage_key(stage: Stage) -> str:
    """hadolint keys stage state by alias, else by the image name without tag."""
    return stage.alias if stage.alias else stage.image.name


def environment_at(dockerfile: Dockerfile) -> dict[int, dict[str, str]]:
    """The ENV in effect at each top-level instruction, by its line, in one pass: a stage starts from the ENV of
    the stage it is built FROM (ENV before the first FROM counts only for instructions before it). Lines share
    one dict until an ENV changes it, so the result stays linear in the file's size."""
    at: dict[int, dict[str, str]] = {}
    final: dict[int, dict[str, str]] = {}
    env: dict[str, str] = {}
    for instruction in dockerfile.instructions:
        if instruction.keyword == "FROM":
            stage = dockerfile.stages[instruction.stage]
            parent = parent_stage(dockerfile, stage)
            env = final.get(parent.index, {}) if parent else {}
        elif instruction.keyword == "ENV":
            env = {**env, **dict(key_values(instruction.args))}
        at[instruction.line] = env
        if instruction.stage >= 0:
            final[instruction.stage] = env
    return at


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
