"""DL3055: a LABEL of schema type hash whose value is not a valid hash."""

from collections.abc import Iterator

from dockgen.checks._labels import invalid_values
from dockgen.checks.contract import Context, Hit, says
from dockgen.lint.model import Dockerfile


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    yield from invalid_values(dockerfile, context, "hash", lambda label: says(label=label))
