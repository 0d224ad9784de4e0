"""DL3027: apt (the interactive front end) in RUN instead of apt-get."""

from collections.abc import Iterator

from dockgen.checks._managers import each_run_where
from dockgen.checks.contract import Context, Hit
from dockgen.lint.model import Dockerfile


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    yield from each_run_where(dockerfile, lambda command: command.name == "apt")
