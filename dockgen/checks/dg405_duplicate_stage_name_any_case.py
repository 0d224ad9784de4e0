"""DG405 (BuildKit DuplicateStageName): two stages with the same name, compared without case."""

from collections.abc import Iterator

from dockgen.checks._fixes import word_columns
from dockgen.checks.contract import Context, Hit, says
from dockgen.lint.model import Dockerfile


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    seen: dict[str, int] = {}
    for stage in dockerfile.stages:
        if not stage.alias:
            continue
        key = stage.alias.lower()
        if key in seen:
            column, end_column = word_columns(dockerfile, stage.from_instruction, stage.alias)
            yield Hit(stage.from_instruction.line, says(stage=stage.alias, line=seen[key]),
                      column=column, end_column=end_column)
        else:
            seen[key] = stage.from_instruction.line
