"""DG408 (BuildKit MaintainerDeprecated): the MAINTAINER instruction."""

from collections.abc import Iterator

from dockgen.checks.contract import Context, Hit, says, with_onbuild
from dockgen.lint.model import Dockerfile


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    for instruction in with_onbuild(dockerfile, "MAINTAINER"):
        yield Hit(instruction.line, says(author=instruction.args.strip()))
