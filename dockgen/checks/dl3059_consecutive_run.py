"""DL3059: consecutive RUNs that could be one layer."""

from collections.abc import Iterator

from dockgen.checks.contract import Context, Hit
from dockgen.model import Dockerfile, Instruction
from dockgen.parse import is_posix_shell


def _is_single(run: Instruction) -> bool:
    # hadolint counts each command twice and allows two entries, so in effect: at most one command. A command whose
    # name is an expansion (`$PIP install`, `"$(which pip)" install`) is not in its list, so it is not counted.
    # PowerShell and cmd scripts are not split, so their commands cannot be counted.
    named = [c for c in run.commands if "$" not in c.name and "`" not in c.name]
    return len(named) <= 1 and (run.is_exec_form or is_posix_shell(run.shell))


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    previous: Instruction | None = None
    for instruction in dockerfile.instructions:
        if instruction.keyword == "RUN" and previous is not None and previous.keyword == "RUN" \
                and previous.flags == instruction.flags and _is_single(previous) and _is_single(instruction):
            yield Hit(instruction.line)
        previous = instruction
