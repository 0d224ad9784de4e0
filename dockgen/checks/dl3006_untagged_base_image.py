"""DL3006: FROM without a tag or digest."""

from collections.abc import Iterator

from dockgen.checks._fixes import word_columns
from dockgen.checks.contract import Context, Hit, says
from dockgen.lint.model import Dockerfile
from dockgen.lint.parse import image_ref


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    aliases: set[str] = set()
    for stage in dockerfile.stages:
        image = image_ref(stage.image.raw, {})  # as written: a build argument may supply the tag
        exempt = image.raw == "scratch" or image.raw.startswith("$") or image.name in aliases
        if not exempt and image.tag is None and image.digest is None:
            column, end_column = word_columns(dockerfile, stage.from_instruction, image.raw)
            yield Hit(stage.from_instruction.line, says(image=image.raw),
                      column=column, end_column=end_column)
        if stage.alias:
            aliases.add(stage.alias)
