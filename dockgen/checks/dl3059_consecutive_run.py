"""DL3059: consecutive RUNs that could be one layer."""

from collections.abc import Iterator

from dockgen.checks._base import windows_script
from dockgen.checks.contract import Context, Hit
from dockgen.lint.model import Dockerfile, Instruction


def _is_single(run: Instruction) -> bool:
    # hadolint counts each command twice and allows two entries, so in effect: at most one command. A command whose
    # name is an expansion (`$PIP install`, `"$(which pip)" install`) is not in its list, so it is not counted.
    # A PowerShell or cmd script counts its top-level statements (hadolint reads it as bash).
    windows = windows_script(run)
    if windows is not None:
        return windows.top_level <= 1
    named = [c for c in run.commands if "$" not in c.name and "`" not in c.name]
    return len(named) <= 1


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    previous: Instruction | None = None
    for instruction in dockerfile.instructions:
        if instruction.keyword == "RUN" and previous is not None and previous.keyword == "RUN" \
                and previous.flags == instruction.flags and _is_single(previous) and _is_single(instruction):
            yield Hit(instruction.line)
        previous = instruction
