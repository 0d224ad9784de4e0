"""DL3022: COPY --from a name that is neither an earlier stage nor an image reference."""

from collections.abc import Iterator

from dockgen.checks._fixes import word_columns
from dockgen.checks.contract import Context, Hit, says
from dockgen.lint.model import Dockerfile


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    aliases: set[str] = set()
    for stage in dockerfile.stages:
        if stage.alias:
            aliases.add(stage.alias)
        for instruction in stage.instructions:
            source = instruction.flag("from") if instruction.keyword == "COPY" else None
            if source is None or source.value is None:
                continue
            value = source.value  # as written: hadolint keeps quotes here
            index_ok = value.isdigit() and int(value) <= stage.index
            if ":" not in value and value not in aliases and not index_ok:
                column, end_column = word_columns(dockerfile, instruction, f"--from={value}")
                yield Hit(instruction.line, says(stage=value), column=column, end_column=end_column)
