"""DG507: the whole build context is copied and no ``.dockerignore`` keeps anything out."""

from collections.abc import Iterator

from dockgen.checks._structure import copy_parts
from dockgen.checks.contract import Context, Hit, says, with_onbuild
from dockgen.lint import dockerignore
from dockgen.lint.model import Dockerfile

_WHOLE_CONTEXT = (".", "./", "*", "./*")


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    if context.location is None or dockerignore.for_dockerfile(context.location) is not None:
        return
    if dockerignore.any_above(context.location.parent.resolve()):
        return  # the build may well run from a folder above, where one is
    for inner in with_onbuild(dockerfile, "COPY", "ADD"):
        if any(f.name == "from" for f in inner.flags):
            continue
        if any(source in _WHOLE_CONTEXT for source in copy_parts(inner)[:-1]):
            yield Hit(inner.line, says())
            return
