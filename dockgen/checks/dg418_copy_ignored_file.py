"""DG418 (BuildKit CopyIgnoredFile): COPY or ADD names a file that ``.dockerignore`` keeps out of the context."""

from collections.abc import Iterator

from dockgen.checks._structure import copy_parts
from dockgen.checks.contract import Context, Hit, hit_at, says, with_onbuild, written_at
from dockgen.lint import dockerignore
from dockgen.lint.model import Dockerfile


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    if context.location is None:
        return
    ignore = dockerignore.for_dockerfile(context.location)
    if ignore is None:
        return
    for inner in with_onbuild(dockerfile, "COPY", "ADD"):
        if any(f.name == "from" for f in inner.flags) or inner.heredocs:
            continue
        for source in copy_parts(inner)[:-1]:
            if "$" in source or "://" in source or source.startswith("git@"):
                continue
            pattern = ignore.excluding_pattern(source)
            if pattern:
                yield hit_at(inner, written_at(inner, source),
                             says(source=source, pattern=pattern, file=ignore.path.name))
                break
