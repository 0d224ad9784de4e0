"""DL1001 (off by default): an inline ignore pragma."""

from collections.abc import Iterator

from dockgen.checks.contract import Context, Hit
from dockgen.lint.model import Dockerfile
from dockgen.lint.messages import render


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    for pragma in dockerfile.pragmas:
        if pragma.scope == "next":
            yield Hit(pragma.line, render("Inline ignore pragma `ignore={codes}`: ignore rules in the configuration instead",
                                         {"codes": ",".join(sorted(pragma.codes))}))
