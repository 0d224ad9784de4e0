"""DL3059: consecutive RUNs that could be one layer."""

from collections.abc import Iterator

from dockgen.checks.contract import Context, Hit
from dockgen.lint.model import Dockerfile, Instruction
from dockgen.lint.parse import is_posix_shell
from dockgen.lint.posix_reading import read_as_posix


def _is_single(run: Instruction) -> bool:
    # hadolint counts each command twice and allows two entries, so in effect: at most one command. A command whose
    # name is an expansion (`$PIP install`, `"$(which pip)" install`) is not in its list, so it is not counted.
    if run.shell is not None and not run.is_exec_form and not is_posix_shell(run.shell):
        # A PowerShell or cmd script counts in the commands of the statements that read as shell, up to the first
        # that does not (`$x = (...)`, `if (...) { }`): what the script holds after that is another language's.
        return read_as_posix(run.args).commands <= 1
    named = [c for c in run.commands if "$" not in c.name and "`" not in c.name]
    return len(named) <= 1


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    previous: Instruction | None = None
    for instruction in dockerfile.instructions:
        if instruction.keyword == "RUN" and previous is not None and previous.keyword == "RUN" \
                and previous.flags == instruction.flags and _is_single(previous) and _is_single(instruction):
            yield Hit(instruction.line)
        previous = instruction
