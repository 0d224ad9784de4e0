"""DL3047: wget without --progress or -q, which floods the build log."""

from collections.abc import Iterator

from dockgen.checks._managers import each_run_where
from dockgen.checks.contract import Context, Hit
from dockgen.lint.model import Command, Dockerfile

_QUIET = ("progress", "q", "quiet", "o", "output-file", "a", "append-output", "no-verbose")


def _noisy(command: Command) -> bool:
    return command.name == "wget" and not command.has_flag(*_QUIET) and "-nv" not in command.args


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    yield from each_run_where(dockerfile, _noisy)
