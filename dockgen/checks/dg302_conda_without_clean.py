"""DG302: a RUN that installs with conda and leaves the package cache in the layer."""

from collections.abc import Iterator

from dockgen.checks._base import has_cache_mount, shipped_stages
from dockgen.checks._fixes import append_command
from dockgen.checks._structure import copy_parts
from dockgen.checks.contract import Context, Hit, says, with_onbuild
from dockgen.commands import conda
from dockgen.lint.model import Command, Dockerfile

# Folders inside a conda prefix that never hold its package cache (``<root>/pkgs``).
_BESIDE_CACHE = frozenset({"envs", "bin", "lib", "lib64", "share", "include", "etc", "site-packages"})


def _cleans(command: Command) -> bool:
    if conda.subcommand(command) == "clean":
        return command.has_flag("a", "all", "t", "tarballs", "p", "packages")
    return command.name == "rm" and any("/pkgs" in arg for arg in command.args)


def _copied_selectively(dockerfile: Dockerfile, index: int) -> bool:
    """A builder stage (and the stages built FROM it) that ships nothing itself, of which later stages COPY only
    paths that cannot hold the package cache, such as one environment under ``envs/``."""
    family = {index}
    for stage in dockerfile.stages:
        if stage.parent in family:
            family.add(stage.index)
    if family & shipped_stages(dockerfile):
        return False
    names = {str(i) for i in family} | {s.alias.lower() for s in dockerfile.stages if s.index in family and s.alias}
    sources = [source for copy in dockerfile.by_keyword.get("COPY", ())
               if (origin := copy.flag("from")) and (origin.value or "").lower() in names
               for source in copy_parts(copy)[:-1]]
    return bool(sources) and all(
        "pkgs" not in (parts := source.split("/")) and not _BESIDE_CACHE.isdisjoint(parts) for source in sources)


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    for run in with_onbuild(dockerfile, "RUN"):
        installs = [i for i, c in enumerate(run.commands) if conda.subcommand(c) in conda.INSTALLS]
        if not installs or has_cache_mount(run, "pkgs") or _copied_selectively(dockerfile, run.stage):
            continue
        if not any(_cleans(c) for c in run.commands[installs[0] + 1:]):
            tool = run.commands[installs[0]].name
            yield Hit(run.line, fix=append_command(dockerfile, run, f"{tool} clean --all --yes"),
                      message=says(program=tool))
