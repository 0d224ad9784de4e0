"""DL3065: FROM --platform=$TARGETPLATFORM, which is the default anyway."""

from collections.abc import Iterator

from dockgen.checks._fixes import word_columns
from dockgen.checks.contract import Context, Hit
from dockgen.lint.model import Dockerfile


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    for stage in dockerfile.stages:
        platform = stage.from_instruction.flag("platform")
        if platform is not None and (platform.value or "").strip() in ("$TARGETPLATFORM", "${TARGETPLATFORM}"):
            column, end_column = word_columns(dockerfile, stage.from_instruction, f"--platform={platform.value}")
            yield Hit(stage.from_instruction.line, f"`--platform={platform.value}` is the default: remove it",
                      column=column, end_column=end_column)
