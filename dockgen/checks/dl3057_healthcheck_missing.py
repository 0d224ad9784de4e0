"""DL3057 (off by default): a stage without a HEALTHCHECK."""

from collections.abc import Iterator

from dockgen.checks.contract import Context, Hit, parent_stage, says
from dockgen.lint.model import Dockerfile


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    # Stages linked by FROM <stage> form one chain; as in hadolint, a HEALTHCHECK anywhere in the chain (a parent,
    # a child or a sibling) covers every stage of it.
    chain = {stage.index: stage.index for stage in dockerfile.stages}

    def root(index: int) -> int:
        while chain[index] != index:
            index = chain[index]
        return index

    for stage in dockerfile.stages:
        parent = parent_stage(dockerfile, stage)
        if parent is not None:
            chain[root(stage.index)] = root(parent.index)
    covered = {root(s.index) for s in dockerfile.stages if any(i.keyword == "HEALTHCHECK" for i in s.instructions)}
    for stage in dockerfile.stages:
        if root(stage.index) not in covered:
            yield Hit(stage.from_instruction.line, says(stage=stage.alias or stage.image.raw))
