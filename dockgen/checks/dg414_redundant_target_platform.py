"""DG414 (BuildKit RedundantTargetPlatform): ``FROM --platform=$TARGETPLATFORM``, which is the default anyway."""

from collections.abc import Iterator

from dockgen.checks._fixes import word_columns
from dockgen.checks.contract import Context, Hit
from dockgen.model import Dockerfile


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    for stage in dockerfile.stages:
        for flag in stage.from_instruction.flags:
            if flag.name == "platform" and (flag.value or "").strip() in ("$TARGETPLATFORM", "${TARGETPLATFORM}"):
                column, end_column = word_columns(dockerfile, stage.from_instruction, f"--platform={flag.value}")
                yield Hit(stage.from_instruction.line, "`--platform=$TARGETPLATFORM` is what FROM uses without "
                          "the flag; remove it.",
                          column=column, end_column=end_column)
