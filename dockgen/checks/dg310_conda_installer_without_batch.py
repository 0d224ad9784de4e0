"""DG310: a Miniconda/Miniforge/Anaconda installer run without ``-b``, which waits for a licence answer."""

from collections.abc import Iterator

from dockgen.checks.contract import Context, Hit, hit_at, says, with_onbuild
from dockgen.commands.options import positional
from dockgen.knowledge import python
from dockgen.lint.model import Command, Dockerfile

_SHELLS = frozenset({"sh", "bash", "dash", "zsh"})


def _installer(command: Command) -> str | None:
    if python.is_conda_installer(command.program or command.name):
        return command.name
    if command.name in _SHELLS:
        script = next(iter(positional(command)), "")
        return script if python.is_conda_installer(script) else None
    return None


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    for run in with_onbuild(dockerfile, "RUN"):
        for command in run.commands:
            script = _installer(command)
            if script and not command.has_flag("b"):
                yield hit_at(run, command.program_location(), says(installer=script))
                break
