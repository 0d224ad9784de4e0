"""DL3053: a LABEL of schema type rfc3339 whose value is not a valid rfc3339."""

from collections.abc import Iterator

from dockgen.checks._labels import invalid_values
from dockgen.checks.contract import Context, Hit, says
from dockgen.lint.model import Dockerfile


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    yield from invalid_values(dockerfile, context, "rfc3339", lambda label: says(label=label))
