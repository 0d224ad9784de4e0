"""DL3029: FROM --platform with a constant platform."""

from collections.abc import Iterator

from dockgen.checks._fixes import word_columns
from dockgen.checks.contract import Context, Hit, says
from dockgen.lint.model import Dockerfile


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    for stage in dockerfile.stages:
        platform = stage.from_instruction.flag("platform")
        if platform is not None and not any(name in (platform.value or "")
                                            for name in ("BUILDPLATFORM", "TARGETPLATFORM")):
            column, end_column = word_columns(dockerfile, stage.from_instruction, f"--platform={platform.value}")
            yield Hit(stage.from_instruction.line, says(platform=platform.value or ""),
                      column=column, end_column=end_column)
