"""DL3007: FROM ...:latest."""

from collections.abc import Iterator

from dockgen.checks._fixes import word_columns
from dockgen.checks.contract import Context, Hit, says
from dockgen.lint.model import Dockerfile
from dockgen.lint.parse import image_ref


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    for stage in dockerfile.stages:
        image = image_ref(stage.image.raw, {})
        if image.tag == "latest" and image.digest is None:
            column, end_column = word_columns(dockerfile, stage.from_instruction, image.raw)
            yield Hit(stage.from_instruction.line, says(image=image.raw),
                      column=column, end_column=end_column)
