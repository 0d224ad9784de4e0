"""DL3025: CMD, ENTRYPOINT or HEALTHCHECK CMD in shell form."""

from collections.abc import Iterator

from dockgen.checks._base import Context, Hit
from dockgen.model import Dockerfile

CODE = "DL3025"


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    for instruction in dockerfile.instructions:
        if instruction.keyword in ("CMD", "ENTRYPOINT") and not instruction.is_exec_form:
            yield Hit(instruction.line)
        elif instruction.keyword == "HEALTHCHECK" and instruction.args.upper().startswith("CMD") \
                and not instruction.is_exec_form:
            yield Hit(instruction.line)
