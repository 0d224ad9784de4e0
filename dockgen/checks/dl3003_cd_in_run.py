"""DL3003: ``cd`` inside RUN instead of WORKDIR."""

from collections.abc import Iterator

from dockgen.checks._base import script_commands
from dockgen.checks.contract import Context, Hit, hit_at, says
from dockgen.lint.model import Dockerfile


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    for run in dockerfile.by_keyword.get("RUN", ()):
        found = [command for command in script_commands(run) if command.name == "cd"]
        if found:
            yield hit_at(run, found[0].program_location(), says(command=" ".join(("cd", *found[0].args))))
