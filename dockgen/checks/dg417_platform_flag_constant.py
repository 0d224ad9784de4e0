"""DG417 (BuildKit FromPlatformFlagConstDisallowed): ``FROM --platform`` with a fixed value."""

from collections.abc import Iterator

from dockgen.checks._fixes import word_columns
from dockgen.checks.contract import Context, Hit, says
from dockgen.lint.model import Dockerfile


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    for stage in dockerfile.stages:
        for flag in stage.from_instruction.flags:
            if flag.name == "platform" and flag.value and "$" not in flag.value:
                column, end_column = word_columns(dockerfile, stage.from_instruction, f"--platform={flag.value}")
                yield Hit(stage.from_instruction.line, says(platform=flag.value),
                          column=column, end_column=end_column)
