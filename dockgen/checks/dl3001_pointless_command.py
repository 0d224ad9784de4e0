"""DL3001: commands that make no sense in a container build (ssh, vim, shutdown, ...)."""

from collections.abc import Iterator

from dockgen.checks._managers import each_run_where
from dockgen.checks.contract import Context, Hit, says
from dockgen.lint.model import Dockerfile

_POINTLESS = frozenset({"free", "kill", "mount", "ps", "service", "shutdown", "ssh", "top", "vim"})


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    yield from each_run_where(dockerfile, lambda command: command.name in _POINTLESS,
                              message=lambda command: says(program=command.name))
