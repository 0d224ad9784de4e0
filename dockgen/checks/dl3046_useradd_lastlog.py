"""DL3046: useradd with a large UID and without -l, which bloats the image with a huge lastlog file."""

from collections.abc import Iterator

from dockgen.checks._managers import each_run_where
from dockgen.checks.contract import Context, Hit
from dockgen.lint.model import Command, Dockerfile


def _bloats(command: Command) -> bool:
    if command.name != "useradd" or not command.has_flag("u", "uid") or command.has_flag("l", "no-log-init"):
        return False
    args = command.args
    return any(arg == "-u" and index + 1 < len(args) and len(args[index + 1]) > 5 for index, arg in enumerate(args))


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    yield from each_run_where(dockerfile, _bloats)
