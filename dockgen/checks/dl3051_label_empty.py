"""DL3051: a schema label set to an empty value."""

from collections.abc import Iterator

from dockgen.checks._labels import labels
from dockgen.checks.contract import Context, Hit, hit_at, key_written_at, says
from dockgen.lint.model import Dockerfile


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    keys = {name for name, _ in context.label_schema}
    for instruction in dockerfile.instructions:
        if instruction.keyword == "LABEL":
            for key, value in labels(instruction):
                if key in keys and not value:
                    yield hit_at(instruction, key_written_at(instruction, key), says(label=key))
                    break
