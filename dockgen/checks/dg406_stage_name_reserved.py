"""DG406 (BuildKit ReservedStageName): a stage named ``scratch`` or ``context``."""

from collections.abc import Iterator

from dockgen.checks._fixes import word_columns
from dockgen.checks.contract import Context, Hit, says
from dockgen.lint.model import Dockerfile


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    for stage in dockerfile.stages:
        if stage.alias and stage.alias.lower() in ("scratch", "context"):
            column, end_column = word_columns(dockerfile, stage.from_instruction, stage.alias)
            yield Hit(stage.from_instruction.line, says(stage=stage.alias),
                      column=column, end_column=end_column)
