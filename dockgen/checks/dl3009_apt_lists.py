"""DL3009: ``apt-get update`` without deleting the package lists in the same RUN."""

from collections.abc import Iterator

from dockgen.checks._base import Context, Hit, has_cache_mount, mount_targets
from dockgen.model import Dockerfile, Instruction

CODE = "DL3009"


def _cleans(run: Instruction) -> bool:
    if any(c.name == "rm" and c.has_arg("-rf", "/var/lib/apt/lists/*") for c in run.commands):
        return True
    if has_cache_mount(run, "/var/lib/apt/lists"):
        return True
    targets = mount_targets(run)
    return any("/var/lib/apt" in t for t in targets) and any("/var/cache/apt" in t for t in targets)


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    used_as_base = {stage.image.raw for stage in dockerfile.stages}
    reported = {stage.index for stage in dockerfile.stages
                if stage.index == len(dockerfile.stages) - 1 or (stage.alias and stage.alias in used_as_base)}
    for instruction in dockerfile.instructions:
        run = instruction.inner if instruction.inner is not None else instruction
        is_onbuild = instruction.inner is not None  # a trigger runs in a later, final build
        if run.keyword != "RUN" or (not is_onbuild and run.stage not in reported):
            continue
        updates = any(c.name in ("apt", "apt-get", "aptitude") and c.has_arg("update") for c in run.commands)
        if updates and not _cleans(run):
            yield Hit(run.line)
