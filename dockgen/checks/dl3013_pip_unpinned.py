"""DL3013: ``pip install`` of a package without a version."""

from collections.abc import Iterator

from dockgen.checks._base import script_commands
from dockgen.checks.contract import Context, Hit, Message, hit_at, says, with_onbuild
from dockgen.commands.pip import installed_packages, is_pinned, is_pip_install
from dockgen.lint.model import Dockerfile


def _message(package: str, count: int) -> Message:
    return says(package=package) if count == 1 else says("more", package=package, more=count - 1)


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    for run in with_onbuild(dockerfile, "RUN"):
        loose = [(command, package) for command in script_commands(run) if is_pip_install(command)
                 for package in installed_packages(command) or () if not is_pinned(package)]
        if loose:
            command, package = loose[0]
            yield hit_at(run, command.find(package), _message(package, len(loose)))
