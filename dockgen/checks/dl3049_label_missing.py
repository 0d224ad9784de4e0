"""DL3049: a stage without a label the schema requires."""

from collections.abc import Iterator

from dockgen.checks._base import stage_key
from dockgen.checks._labels import labels
from dockgen.checks.contract import Context, Hit, says
from dockgen.lint.model import Dockerfile


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    required = [name for name, _ in context.label_schema]
    if not required:
        return
    # As in hadolint, label state is kept per stage name (the alias, else the image name), so an unaliased
    # `FROM base` shares the record of the stage called base, and `FROM base AS x` starts from it. Each stage is
    # reported at its FROM, unless other stages copy from it.
    present: dict[str, set[str]] = {}
    aliases: set[str] = set()
    for stage in dockerfile.stages:
        record = present.setdefault(stage_key(stage), set())
        if stage.image.raw in aliases:
            record |= present[stage.image.raw]
        record.update(name for i in stage.instructions if i.keyword == "LABEL" for name, _ in labels(i))
        if stage.alias:
            aliases.add(stage.alias)
    copied_from = {flag.value for i in dockerfile.instructions
                   if i.keyword == "COPY" and (flag := i.flag("from")) is not None}
    for stage in dockerfile.stages:
        if stage.alias and stage.alias in copied_from:
            continue  # a build stage others copy from is not an image anyone runs
        for name in required:
            if name not in present[stage_key(stage)]:
                yield Hit(stage.from_instruction.line, says(label=name))
