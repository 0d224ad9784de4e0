"""DL4005: replacing /bin/sh with ln instead of using SHELL."""

from collections.abc import Iterator

from dockgen.checks._managers import each_run_where
from dockgen.checks.contract import Context, Hit
from dockgen.lint.model import Dockerfile


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    yield from each_run_where(dockerfile, lambda command: command.name == "ln" and command.has_arg("/bin/sh"))
