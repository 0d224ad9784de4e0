"""DG213: pip told to install past PEP 668's marker (``--break-system-packages``, ``PIP_BREAK_SYSTEM_PACKAGES``,
``break-system-packages`` in pip's configuration) into a distribution's own Python."""

from collections.abc import Iterator

from dockgen.checks._pep668 import _installs_distribution_python, _outside_system
from dockgen.checks._python import lineage, root_image, stage_runs
from dockgen.checks.contract import Context, Hit, Message, environment_at, hit_at, says
from dockgen.commands import pip
from dockgen.knowledge import images, python
from dockgen.lint.model import Command, Dockerfile, Instruction
from dockgen.lint.parse import key_values

_SETTING = "break-system-packages"
_ENV = "PIP_BREAK_SYSTEM_PACKAGES"
_FALSY = frozenset({"", "0", "false", "False", "FALSE", "no", "off"})
_ELSEWHERE = ("target", "t", "prefix", "root")


def _breaks(command: Command) -> bool:
    """A command that turns the PEP 668 check off: a pip or uv install with the flag, ``pip config set``, get-pip
    run with it, a pip.conf written with it, or the variable set for one command."""
    if any(a.split("=", 1)[0] == _ENV and a.split("=", 1)[-1] not in _FALSY for a in command.assignments):
        return True
    if not any(_SETTING in arg for arg in command.args):
        return False
    if pip.is_pip(command) and (command.has_flag(*_ELSEWHERE) or ("/" in command.program and not
                                                                   command.program.startswith("/usr/"))):
        return False  # into a folder of its own, or a virtual environment's pip
    return True


def _turns_off(instruction: Instruction) -> Hit | None:
    """A hit where ``instruction`` turns the check off: the command's word that does it, or the whole ENV."""
    if instruction.keyword == "ENV":
        if dict(key_values(instruction.args)).get(_ENV, "") in _FALSY:
            return None
        return Hit(instruction.line, _message(_ENV))
    command = next((c for c in instruction.commands if _breaks(c)), None) if instruction.keyword == "RUN" else None
    if command is None:
        return None
    words = [*command.assignments, *command.args]
    word = next((w for w in words if _ENV in w or _SETTING in w), "")
    setting = _ENV if _ENV in word else f"--{_SETTING}" if word.startswith(f"--{_SETTING}") else _SETTING
    return hit_at(instruction, command.find(word), _message(setting))


def _message(setting: str) -> Message:
    return says(setting=setting)


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    environment = environment_at(dockerfile)
    for stage in dockerfile.stages:
        image = root_image(dockerfile, stage)
        if images.python_version(image) is not None or python.is_conda_image(image):
            continue  # that Python is not the distribution's: nothing to break, and DG201 has nothing to say
        distro = images.distro_family(image) is not None or any(
            _installs_distribution_python(command) for member in lineage(dockerfile, stage)
            for run in stage_runs(member) for command in run.commands)
        if not distro:
            continue
        for instruction in stage.instructions[1:]:
            env = environment.get(instruction.line, {})
            if _outside_system({k: v for k, v in env.items() if k != _ENV}):
                break  # a virtual environment or another Python comes first from here on
            if (hit := _turns_off(instruction)) is not None:
                yield hit
