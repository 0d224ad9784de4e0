"""DL4006: a pipe in RUN without ``-o pipefail`` in the SHELL."""

from collections.abc import Iterator

from dockgen.checks._base import Context, Hit
from dockgen.model import Dockerfile, Instruction
from dockgen.shell import split_commands

CODE = "DL4006"
_PIPEFAIL_SHELLS = frozenset({"bash", "zsh", "ash"})


def sets_pipefail(shell: Instruction) -> bool:
    text = " ".join(shell.json_args) if shell.json_args is not None else shell.args
    if text.startswith(("pwsh", "powershell", "cmd")):
        return True
    return any(c.name in _PIPEFAIL_SHELLS and c.has_flag("o") and c.has_arg("pipefail")
               for c in split_commands(text))


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    pipefail = False
    for instruction in dockerfile.instructions:
        if instruction.keyword == "FROM":
            pipefail = False
        elif instruction.keyword == "SHELL":
            pipefail = sets_pipefail(instruction)
        elif instruction.keyword == "RUN" and instruction.has_pipe and not pipefail:
            yield Hit(instruction.line)
