"""DL3067: COPY --from=... / / copies a whole image's root over the stage's."""

from collections.abc import Iterator

from dockgen.checks._structure import copy_parts, unquote
from dockgen.checks.contract import Context, Hit, says
from dockgen.lint.model import Dockerfile


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    for instruction in dockerfile.instructions:
        source = instruction.flag("from") if instruction.keyword == "COPY" else None
        if source is not None:
            parts = [unquote(p) for p in copy_parts(instruction)]
            if parts == ["/", "/"]:
                yield Hit(instruction.line, says(stage=source.value or ""))
