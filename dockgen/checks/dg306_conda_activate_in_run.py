"""DG306: ``conda activate`` / ``source activate`` in a RUN, which does not carry over to later instructions."""

from collections.abc import Iterator

from dockgen.checks.contract import Context, Hit, hit_at, says, with_onbuild
from dockgen.commands.conda import TOOLS, subcommand
from dockgen.lint.model import Command, Dockerfile


def _activates(command: Command) -> bool:
    if command.name in TOOLS:
        return subcommand(command) == "activate"
    return command.name in ("source", ".") and bool(command.args) and command.args[0].endswith("activate")


def _hooks_shell(command: Command) -> bool:
    """``. /opt/conda/etc/profile.d/conda.sh`` or ``eval "$(conda shell.bash hook)"`` make activate work."""
    text = " ".join((command.name, *command.args))
    return "conda.sh" in text or "mamba.sh" in text or "shell." in text or "shell hook" in text


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    for run in with_onbuild(dockerfile, "RUN"):
        commands = run.commands
        for index, command in enumerate(commands):
            if not _activates(command):
                continue
            hooked = command.name in ("source", ".") or any(_hooks_shell(c) for c in commands[:index])
            if index == len(commands) - 1 or not hooked:
                yield hit_at(run, command.location(), says())
                break
