"""DL3018: apk add of a package without a version."""

from collections.abc import Iterator

from dockgen.checks.contract import Context, Hit, hit_at, says, with_onbuild
from dockgen.commands.options import positional
from dockgen.lint.model import Command, Dockerfile

_VALUE_OPTIONS = frozenset({"t", "virtual", "repository", "X"})


def _loose(command: Command) -> list[str]:
    if command.name != "apk" or not command.has_arg("add"):
        return []
    return [word for word in positional(command, _VALUE_OPTIONS) if word != "add"
            and not any(mark in word for mark in "=~><") and not word.endswith(".apk")]


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    for run in with_onbuild(dockerfile, "RUN"):
        command = next((command for command in run.commands if _loose(command)), None)
        if command is not None:
            package = _loose(command)[0]
            yield hit_at(run, command.find(package), says(package=package))
