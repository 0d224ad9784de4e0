"""DG206: ``PIP_NO_COMPILE`` set to a true value, which (inverted, for historical reasons) keeps compiling."""

from collections.abc import Iterator

from dockgen.checks.contract import Context, Hit, hit_at, says, with_onbuild
from dockgen.lint.model import Dockerfile
from dockgen.lint.parse import key_values

_TRUE = frozenset({"1", "true", "yes", "on", "y"})


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    for env in with_onbuild(dockerfile, "ENV"):
        for key, value in key_values(env.args):
            if key == "PIP_NO_COMPILE" and value.strip().lower() in _TRUE:
                yield Hit(env.line, says(value=value))
    for run in with_onbuild(dockerfile, "RUN"):
        for command in run.commands:
            for assignment in command.assignments:
                key, _, value = assignment.partition("=")
                if key == "PIP_NO_COMPILE" and value.strip("'\"").lower() in _TRUE:
                    yield hit_at(run, command.find(assignment), says(value=value))
