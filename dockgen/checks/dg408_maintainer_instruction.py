"""DG408 (BuildKit MaintainerDeprecated): the MAINTAINER instruction."""

from collections.abc import Iterator

from dockgen.checks.contract import Context, Hit, with_onbuild
from dockgen.lint.model import Dockerfile
from dockgen.lint.messages import render


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    for instruction in with_onbuild(dockerfile, "MAINTAINER"):
        yield Hit(instruction.line, render("`MAINTAINER` is deprecated: write "
                                           "`LABEL org.opencontainers.image.authors=\"{author}\"`",
                                           {"author": instruction.args.strip()}))
