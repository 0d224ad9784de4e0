"""DL3056: a LABEL of schema type semver whose value is not a valid semver."""

from collections.abc import Iterator

from dockgen.checks._labels import invalid_values
from dockgen.checks.contract import Context, Hit, says
from dockgen.lint.model import Dockerfile


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    yield from invalid_values(dockerfile, context, "semver", lambda label: says(label=label))
