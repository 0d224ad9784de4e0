"""DG302: a RUN that installs with conda and leaves the package cache in the layer."""

from collections.abc import Iterator

from dockgen.commands import conda
from dockgen.checks._base import has_cache_mount
from dockgen.checks.contract import Context, Hit, with_onbuild
from dockgen.model import Command, Dockerfile
from dockgen.checks._fixes import append_command


def _cleans(command: Command) -> bool:
    if conda.subcommand(command) == "clean":
        return command.has_flag("a", "all", "t", "tarballs", "p", "packages")
    return command.name == "rm" and any("/pkgs" in arg for arg in command.args)


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    for run in with_onbuild(dockerfile, "RUN"):
        installs = [i for i, c in enumerate(run.commands) if conda.subcommand(c) in conda.INSTALLS]
        if not installs or has_cache_mount(run, "pkgs"):
            continue
        if not any(_cleans(c) for c in run.commands[installs[0] + 1:]):
            tool = run.commands[installs[0]].name
            yield Hit(run.line, fix=append_command(dockerfile, run, f"{tool} clean --all --yes"),
                      message=f"`{tool}` keeps every downloaded package in its cache, often hundreds of MB; "
                      f"end this RUN with `&& {tool} clean --all --yes` (a later RUN cannot shrink this layer).")
