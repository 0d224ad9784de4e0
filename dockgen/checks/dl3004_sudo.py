"""DL3004: sudo in RUN."""

from collections.abc import Iterator

from dockgen.checks._managers import each_run_where
from dockgen.checks.contract import Context, Hit, Message, says
from dockgen.lint.model import Command, Dockerfile, Location


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    yield from each_run_where(dockerfile, lambda command: command.name == "sudo" or "sudo" in command.wrappers,
                              _sudo, _message)


def _message(command: Command) -> Message:
    return says() if command.name == "sudo" else says("wrapping", program=command.name)


def _sudo(command: Command) -> Location | None:
    if "sudo" in command.prefix:
        return command.word_location(command.prefix.index("sudo"))
    return command.program_location()
