"""DL3042: ``pip install`` that keeps pip's download cache in the image."""

import re
from collections.abc import Iterator

from dockgen.checks._base import Context, Hit, env_pairs, has_cache_mount, parent_stage
from dockgen.checks._pip import is_pip_install, is_pip_wrapper
from dockgen.model import Dockerfile, Instruction, Stage

CODE = "DL3042"
_TRUTHY = frozenset({"1", "true", "True", "TRUE", "on", "On", "ON", "yes", "Yes", "YES"})
_INLINE = re.compile(r"PIP_NO_CACHE_DIR=(?:\"|')?(1|true|True|TRUE|on|On|ON|yes|Yes|YES)\b")


def _env_disables_cache(instructions: list[Instruction]) -> bool:
    value = None
    for instruction in instructions:
        for key, item in env_pairs(instruction):
            if key == "PIP_NO_CACHE_DIR":
                value = item
    return value in _TRUTHY


def _stage_envs(dockerfile: Dockerfile, stage: Stage, before: int) -> list[Instruction]:
    parent = parent_stage(dockerfile, stage)
    inherited = _stage_envs(dockerfile, parent, parent.instructions[-1].line + 1) if parent else []
    return inherited + [i for i in stage.instructions if i.keyword == "ENV" and i.line < before]


def _offending(run: Instruction) -> bool:
    if has_cache_mount(run, ".cache/pip") or _INLINE.search(run.text):
        return False
    return any(is_pip_install(c) and not is_pip_wrapper(c) and "--no-cache-dir" not in c.args
               for c in run.commands)


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    onbuild_envs: list[Instruction] = []
    for instruction in dockerfile.instructions:
        inner = instruction.inner
        if inner is not None and inner.keyword == "ENV":
            onbuild_envs.append(inner)
        elif inner is not None and inner.keyword == "RUN":
            if _offending(inner) and not _env_disables_cache(onbuild_envs):
                yield Hit(inner.line)
        elif instruction.keyword == "RUN" and _offending(instruction):
            if instruction.stage >= 0:
                envs = _stage_envs(dockerfile, dockerfile.stages[instruction.stage], instruction.line)
            else:  # a fragment with no FROM (yet): the ENVs above it
                envs = [i for i in dockerfile.instructions if i.keyword == "ENV" and i.line < instruction.line]
            if not _env_disables_cache(envs):
                yield Hit(instruction.line)
