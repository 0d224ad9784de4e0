"""DL4006: a pipe in RUN without ``-o pipefail`` in the SHELL."""

from collections.abc import Iterator

from dockgen.checks._base import stage_of
from dockgen.checks._fixes import newline, span
from dockgen.checks._python import root_image
from dockgen.checks.contract import Context, Hit
from dockgen.knowledge import images, python
from dockgen.lint.edits import Edit, Fix
from dockgen.lint.model import Dockerfile, Instruction
from dockgen.lint.shell import split_commands

_PIPEFAIL_SHELLS = frozenset({"bash", "zsh", "ash"})
_NO_BASH = frozenset({"busybox"})  # a shell, but neither bash nor a /bin/ash to rely on


def sets_pipefail(shell: Instruction) -> bool:
    text = " ".join(shell.json_args) if shell.json_args is not None else shell.args
    if text.startswith(("pwsh", "powershell", "cmd")):
        return True
    return any(c.name in _PIPEFAIL_SHELLS and c.has_flag("o") and c.has_arg("pipefail")
               for c in split_commands(text))


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    pipefail = offered = False  # one SHELL fix per stage covers the RUNs after it
    for instruction in dockerfile.instructions:
        if instruction.keyword == "FROM":
            pipefail = offered = False
        elif instruction.keyword == "SHELL":
            pipefail = sets_pipefail(instruction)
        elif instruction.keyword == "RUN" and instruction.has_pipe and not pipefail:
            yield Hit(instruction.line, fix=None if offered else _shell_fix(dockerfile, instruction))
            offered = True


def _shell_fix(dockerfile: Dockerfile, run: Instruction) -> Fix | None:
    """``SHELL [<bash or ash>, "-o", "pipefail", "-c"]`` on the line before the RUN (changes every later RUN), in the
    image's own shell: ash on Alpine and anything built on it (any architecture, through earlier stages), bash on
    the rest; none on Windows, BusyBox or images without a shell."""
    stage = stage_of(dockerfile, run)
    if stage is None or run.shell is not None:
        return None  # a SHELL of its own (PowerShell, another shell): not ours to replace
    image = root_image(dockerfile, stage)
    if python.has_no_shell(image) or images.is_windows(image) or images.without_arch(image).short_name in _NO_BASH:
        return None
    shell = "/bin/ash" if python.is_musl_image(image) else "/bin/bash"
    start, end = span(dockerfile, run)
    written = dockerfile.source[start:end]
    indent = written[:len(written) - len(written.lstrip())]
    line = f'{indent}SHELL ["{shell}", "-o", "pipefail", "-c"]{newline(dockerfile)}'
    return Fix((Edit(start, start, line),))
