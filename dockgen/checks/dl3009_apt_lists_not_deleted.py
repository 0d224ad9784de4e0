"""DL3009: ``apt-get update`` without deleting the package lists in the same RUN."""

from collections.abc import Iterator

from dockgen.checks._base import has_cache_mount, mount_targets, reported_runs
from dockgen.checks._fixes import append_command
from dockgen.checks.contract import Context, Hit, says
from dockgen.lint.model import Dockerfile, Instruction


def _cleans(run: Instruction) -> bool:
    if any(c.name == "rm" and c.has_arg("-rf", "/var/lib/apt/lists/*") for c in run.commands):
        return True
    if has_cache_mount(run, "/var/lib/apt/lists"):
        return True
    targets = mount_targets(run)
    return any("/var/lib/apt" in t for t in targets) and any("/var/cache/apt" in t for t in targets)


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    for run in reported_runs(dockerfile):
        update = next((c for c in run.commands if c.name in ("apt", "apt-get", "aptitude") and c.has_arg("update")),
                      None)
        if update is not None and not _cleans(run):
            yield Hit(run.line, says(program=update.name),
                      fix=append_command(dockerfile, run, "rm -rf /var/lib/apt/lists/*"))
