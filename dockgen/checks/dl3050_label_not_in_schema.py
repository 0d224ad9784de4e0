"""DL3050: with strict labels, a LABEL key that the schema does not list."""

from collections.abc import Iterator

from dockgen.checks._labels import labels
from dockgen.checks.contract import Context, Hit, hit_at, key_written_at, says
from dockgen.lint.model import Dockerfile


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    if not context.strict_labels:
        return
    allowed = {name for name, _ in context.label_schema}
    for instruction in dockerfile.instructions:
        unlisted = [key for key, _ in labels(instruction) if key not in allowed] if instruction.keyword == "LABEL" else []
        if unlisted:
            yield hit_at(instruction, key_written_at(instruction, unlisted[0]), says(label=unlisted[0]))
