"""DL3003: ``cd`` inside RUN instead of WORKDIR."""

from collections.abc import Iterator

from dockgen.checks._base import script_commands
from dockgen.checks.contract import Context, Hit
from dockgen.model import Dockerfile


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    for run in dockerfile.by_keyword.get("RUN", ()):
        if any(command.name == "cd" for command in script_commands(run)):
            yield Hit(run.line)
