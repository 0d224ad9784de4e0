"""DG401 (BuildKit StageNameCasing): a stage name that is not all lower case."""

from collections.abc import Iterator

from dockgen.checks._fixes import word_columns
from dockgen.checks.contract import Context, Hit, says
from dockgen.lint.model import Dockerfile


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    for stage in dockerfile.stages:
        if stage.alias and stage.alias != stage.alias.lower():
            column, end_column = word_columns(dockerfile, stage.from_instruction, stage.alias)
            yield Hit(stage.from_instruction.line, says(stage=stage.alias, lower=stage.alias.lower()),
                      column=column, end_column=end_column)
