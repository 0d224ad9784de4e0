"""DL3050: with strict labels, a LABEL key that the schema does not list."""

from collections.abc import Iterator

from dockgen.checks._labels import labels
from dockgen.checks.contract import Context, Hit
from dockgen.lint.model import Dockerfile


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    if not context.strict_labels:
        return
    allowed = {name for name, _ in context.label_schema}
    for instruction in dockerfile.instructions:
        if instruction.keyword == "LABEL" and any(key not in allowed for key, _ in labels(instruction)):
            yield Hit(instruction.line)
