"""pip into a distribution's own Python (PEP 668), for DG201 (a release that marks it externally managed) and DG212
(a floating tag whose every current release does)."""

from collections.abc import Iterator

from dockgen.checks._python import lineage, pip_installs, stage_runs
from dockgen.commands import system
from dockgen.lint.model import Command, Dockerfile, Instruction, Stage

_APT_APK = frozenset({"apt", "apk"})
_ESCAPES = ("break-system-packages", "target", "t", "prefix", "root")


def _makes_environment(command: Command) -> bool:
    if command.name.startswith("python") and ("venv" in command.args or "virtualenv" in command.args):
        return True
    return command.name in ("virtualenv", "conda", "mamba", "micromamba") or (
        command.name == "uv" and "venv" in command.args)


def _outside_system(env: dict[str, str]) -> bool:
    """An ENV that puts another Python first or lets pip past the marker."""
    if "PIP_BREAK_SYSTEM_PACKAGES" in env or "VIRTUAL_ENV" in env or "CONDA_PREFIX" in env:
        return True
    return any(part and not part.startswith(("/usr/", "/bin", "/sbin")) for part in env.get("PATH", "").split(":")
               if "$" not in part)


def _unlocks_system_pip(instruction: Instruction) -> bool:
    """pip's own configuration lets it past the marker (``pip config set global.break-system-packages true``, a
    pip.conf written or copied in), or the EXTERNALLY-MANAGED marker is deleted."""
    if instruction.keyword in ("COPY", "ADD"):
        return "pip.conf" in instruction.args or "pip/pip.conf" in instruction.args
    if instruction.keyword != "RUN":
        return False
    text = instruction.args + "".join(heredoc.body for heredoc in instruction.heredocs)
    return "break-system-packages" in text or "EXTERNALLY-MANAGED" in text


def _installs_distribution_python(command: Command) -> bool:
    """apt/apk installing the distribution's own Python (python3, python3-pip, py3-pip, ...)."""
    return any(package.startswith(("python3", "py3-")) for package in system.installed_packages(command, _APT_APK))


def system_pip_runs(dockerfile: Dockerfile, stage: Stage, environment: dict[int, dict[str, str]]
                    ) -> Iterator[tuple[Instruction, Command]]:
    """The RUNs of ``stage`` whose ``pip install`` goes into the distribution's Python, each with its first such
    pip: after apt/apk installed it (here or in a stage it is built on), with no virtual environment, other Python
    on PATH, or unlocked pip."""
    environment_made = False
    system_python = any(_installs_distribution_python(c) for member in lineage(dockerfile, stage)
                        if member is not stage for run in stage_runs(member) for c in run.commands)
    if any(_unlocks_system_pip(i) for member in lineage(dockerfile, stage) if member is not stage
           for i in member.instructions):
        return
    for instruction in stage.instructions:
        if _unlocks_system_pip(instruction):
            return
        if instruction.keyword != "RUN":
            continue
        run = instruction
        system_python = system_python or any(_installs_distribution_python(c) for c in run.commands)
        if _outside_system(environment.get(run.line, {})):
            return
        for command in run.commands:
            if _makes_environment(command):
                environment_made = True
        if environment_made:
            return
        for pip in pip_installs(run) if system_python else ():
            if "/" in pip.program or pip.has_flag(*_ESCAPES) or any(
                    a.startswith("PIP_BREAK_SYSTEM_PACKAGES") for a in pip.assignments):
                continue
            yield run, pip
            break
