"""What a check is, and helpers several checks share.

A check is a module in this package with ``CODE`` and ``check(dockerfile, context) -> Iterable[Hit]``. It never
formats output, decides levels, reads suppressions or touches files.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from dockerfile_parse.util import extract_key_values

from dockgen.model import Command, Dockerfile, Instruction, Stage
from dockgen.parse import words


@dataclass(frozen=True, slots=True)
class Hit:
    line: int
    message: str | None = None  # None: the rule's summary
    end_line: int | None = None


@dataclass(frozen=True, slots=True)
class Context:
    """Options checks may read; every field has a default so checks run without any configuration."""

    today: datetime.date = field(default_factory=datetime.date.today)
    trusted_registries: tuple[str, ...] = ()


def instructions_with_onbuild(dockerfile: Dockerfile, keyword: str) -> Iterator[Instruction]:
    """Top-level instructions of ``keyword`` and the ones wrapped in ONBUILD, in file order."""
    for instruction in dockerfile.instructions:
        if instruction.keyword == keyword:
            yield instruction
        elif instruction.inner is not None and instruction.inner.keyword == keyword:
            yield instruction.inner


def runs(dockerfile: Dockerfile, onbuild: bool) -> Iterator[Instruction]:
    if onbuild:
        yield from instructions_with_onbuild(dockerfile, "RUN")
    else:
        yield from (i for i in dockerfile.instructions if i.keyword == "RUN")


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
    for earlier in reversed(dockerfile.stages[:stage.index]):
        if stage_key(earlier) == stage.image.raw:
            return earlier
    return None


def stage_key(stage: Stage) -> str:
    """hadolint keys stage state by alias, else by the image name without tag."""
    return stage.alias if stage.alias else stage.image.name


def env_pairs(instruction: Instruction) -> list[tuple[str, str]]:
    """``ENV``/``LABEL`` pairs, in either ``k=v`` or the legacy ``KEY value`` form."""
    try:
        return [(str(k), str(v)) for k, v in extract_key_values(False, {}, {}, instruction.args)]
    except (ValueError, IndexError):
        parts = words(instruction.args)
        return [(parts[0], " ".join(parts[1:]))] if parts else []


def inherited_env(dockerfile: Dockerfile, stage: Stage, before_line: int) -> dict[str, str]:
    """ENV set in this stage before ``before_line``, on top of what its parent stage set."""
    env: dict[str, str] = {}
    parent = parent_stage(dockerfile, stage)
    if parent is not None:
        env.update(inherited_env(dockerfile, parent, parent.instructions[-1].end_line + 1))
    for instruction in stage.instructions:
        if instruction.line >= before_line:
            break
        if instruction.keyword == "ENV":
            env.update(env_pairs(instruction))
    return env


def first_index(commands: Iterable[Command], predicate: Callable[[Command], bool]) -> int | None:
    return next((index for index, command in enumerate(commands) if predicate(command)), None)


def shipped_stages(dockerfile: Dockerfile) -> frozenset[int]:
    """The final stage and the stages it is built FROM: their base images end up in the image."""
    shipped: set[int] = set()
    stage = dockerfile.final_stage
    while stage is not None and stage.index not in shipped:
        shipped.add(stage.index)
        stage = parent_stage(dockerfile, stage)
    return frozenset(shipped)
