"""DL1001 (off by default): an inline ignore pragma."""

from collections.abc import Iterator

from dockgen.checks.contract import Context, Hit, says
from dockgen.lint.model import Dockerfile


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    for pragma in dockerfile.pragmas:
        if pragma.scope == "next":
            yield Hit(pragma.line, says(codes=",".join(sorted(pragma.codes))))
