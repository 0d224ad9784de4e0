"""DG408 (BuildKit MaintainerDeprecated): the MAINTAINER instruction."""

from collections.abc import Iterator

from dockgen.checks._base import Context, Hit, instructions_with_onbuild
from dockgen.model import Dockerfile


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    for instruction in instructions_with_onbuild(dockerfile, "MAINTAINER"):
        yield Hit(instruction.line, "MAINTAINER is deprecated; write "
                  f"`LABEL org.opencontainers.image.authors=\"{instruction.args.strip()}\"`.")
