"""DG308: pip installs into a conda environment before a later conda install, which may break them."""

from collections.abc import Iterator

from dockgen.checks._python import root_image, stage_runs
from dockgen.checks.contract import Context, Hit, says
from dockgen.commands.conda import installs
from dockgen.commands.pip import is_pip_install
from dockgen.knowledge import python
from dockgen.lint.model import Command, Dockerfile, Stage


def _distribution_pip(command: Command) -> bool:
    """A pip of the distribution's Python, not conda's: called by a system path or as Python 2's."""
    program = command.program or command.name
    return program.startswith(("/usr/", "/bin/")) or command.name.startswith(("pip2", "python2"))


def _first_conda_after_pip(dockerfile: Dockerfile, stage: Stage) -> tuple[int, int] | None:
    in_conda = python.is_conda_image(root_image(dockerfile, stage))
    pip_line: int | None = None
    for run in stage_runs(stage):
        for command in run.commands:
            if installs(command):
                if pip_line is not None:
                    return pip_line, run.line
                in_conda = True
            elif in_conda and pip_line is None and is_pip_install(command) and not _distribution_pip(command):
                pip_line = run.line
    return None


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    for stage in dockerfile.stages:
        found = _first_conda_after_pip(dockerfile, stage)
        if found:
            pip_line, conda_line = found
            yield Hit(conda_line, says(line=pip_line))
