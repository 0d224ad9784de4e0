"""DL3043: ONBUILD with ONBUILD, FROM or MAINTAINER, which Docker does not allow."""

from collections.abc import Iterator

from dockgen.checks.contract import Context, Hit, says
from dockgen.lint.model import Dockerfile


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    for instruction in dockerfile.instructions:
        if instruction.inner is not None and instruction.inner.keyword in ("ONBUILD", "FROM", "MAINTAINER"):
            yield Hit(instruction.line, says(instruction=instruction.inner.keyword))
