"""DG407 (BuildKit JSONArgsRecommended): CMD or ENTRYPOINT in shell form without a SHELL of the stage's own."""

from collections.abc import Iterator

from dockgen.checks.contract import Context, Hit, says
from dockgen.lint.model import Dockerfile


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    for stage in dockerfile.stages:
        shell_set = False
        for instruction in stage.instructions:
            if instruction.keyword == "SHELL":
                shell_set = True
            elif instruction.keyword in ("CMD", "ENTRYPOINT") and not instruction.is_exec_form and not shell_set:
                if instruction.args.strip():
                    yield Hit(instruction.line, says(instruction=instruction.keyword))
