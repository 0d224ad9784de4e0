"""DG105: a Python image tag that names no minor version (``python:3``, ``python:slim``)."""

import re
from collections.abc import Iterator

from dockgen.checks._fixes import word_columns
from dockgen.checks.contract import Context, Hit, says
from dockgen.knowledge import images
from dockgen.lint.model import Dockerfile

_MINOR = r"^\d+\.\d+"


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    aliases = {stage.alias for stage in dockerfile.stages if stage.alias}
    for stage in dockerfile.stages:
        image = stage.image
        if image.raw in aliases or image.has_variable or image.digest or not images.is_python_image(image):
            continue
        tag = image.tag
        if tag and tag != "latest" and not re.match(_MINOR, tag) and not tag.startswith("2"):  # 2 is frozen (DG101)
            column, end_column = word_columns(dockerfile, stage.from_instruction, image.raw)
            yield Hit(stage.from_instruction.line,
                      says(image=image.raw, name=image.name, version=images.recommended_python()),
                      column=column, end_column=end_column)
