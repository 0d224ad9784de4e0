"""DG414 (BuildKit RedundantTargetPlatform): ``FROM --platform=$TARGETPLATFORM``, which is the default anyway."""

from collections.abc import Iterator

from dockgen.checks.contract import Context, Hit
from dockgen.model import Dockerfile


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    for stage in dockerfile.stages:
        for flag in stage.from_instruction.flags:
            if flag.name == "platform" and (flag.value or "").strip() in ("$TARGETPLATFORM", "${TARGETPLATFORM}"):
                yield Hit(stage.from_instruction.line, "`--platform=$TARGETPLATFORM` is what FROM uses without "
                          "the flag; remove it.")
