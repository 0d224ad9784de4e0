"""DG211: an end-of-life Python asked for outside a ``python:`` image: a versioned image, a virtualenv, a conda
environment, a distribution or deadsnakes package, ``uv python install``, ``pyenv install``."""

import re
from collections.abc import Iterator

from dockgen.checks._python import root_image
from dockgen.checks.contract import Context, Hit, Message, says
from dockgen.commands import conda, options, system
from dockgen.knowledge import images, interpreters
from dockgen.lint.model import Command, Dockerfile

# apt/apk names such as python3.7, python3.7-dev, python3.7-venv; rpm names such as python36, python38-devel.
_DISTRO_PACKAGE = r"^python(3\.\d{1,2})(?:-[a-z0-9-]+)?$"
_RPM_PACKAGE = r"^(?:rh-)?python(3)(\d{1,2})(?:-[a-z0-9-]+)?$"


def _distro_versions(command: Command) -> list[str]:
    found = []
    for package in system.installed_packages(command):
        if match := re.match(_DISTRO_PACKAGE, package):
            found.append(match.group(1))
        elif match := re.match(_RPM_PACKAGE, package):
            found.append(f"{match.group(1)}.{match.group(2)}")
    return found


def _exact_python(spec: str) -> bool:
    """``python=3.6`` or ``python==3.6.*``, not ``python>=3.6`` (which lets the solver pick a newer one)."""
    name = spec.split("::", 1)[-1]
    return conda.spec_name(spec) == "python" and name[len("python"):].startswith("=")


def _asked_versions(command: Command) -> list[str]:
    """The Python versions a command installs or builds an environment with."""
    name = command.name
    if name == "virtualenv" or (name.startswith("python") and "virtualenv" in command.args[:2]):
        values = options.option_values(command, "p", "python")
        return [v for value in values if (v := interpreters.minor_version(value))]
    if name == "uv" and command.args[:2] == ("python", "install"):
        return [v for arg in command.args[2:] if not arg.startswith("-") and (v := interpreters.minor_version(arg))]
    if name == "uv" and command.args[:1] == ("venv",):
        return [v for value in options.option_values(command, "p", "python") if (v := interpreters.minor_version(value))]
    if name == "pyenv" and command.args[:1] == ("install",):
        return [v for arg in command.args[1:] if re.match(r"^\d", arg) and (v := interpreters.minor_version(arg))]
    if conda.installs(command):
        return [v for spec in conda.packages(command) if _exact_python(spec)
                and (v := interpreters.minor_version(conda.spec_version(spec)))]
    return _distro_versions(command)


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    for stage in dockerfile.stages:
        image = root_image(dockerfile, stage)
        own = images.python_version(image) or interpreters.image_python(image)
        named = interpreters.image_python(stage.image)
        if named and (end := interpreters.eol(named, context.today)) and not images.python_version(stage.image):
            yield Hit(stage.from_instruction.line,
                      says("image", image=stage.image.raw, version=named, end=str(end),
                           recommended=images.recommended_python()))
        for run in (i for i in stage.instructions if i.keyword == "RUN"):
            versions = [v for command in run.commands for v in _asked_versions(command)
                        if v != own and v.startswith("3.") and interpreters.eol(v, context.today)]
            if versions:
                ordered = sorted(set(versions), key=lambda v: tuple(int(p) for p in v.split(".")))
                yield Hit(run.line, _asked_message(ordered, str(interpreters.eol(ordered[0], context.today))))


def _asked_message(versions: list[str], end: str) -> Message:
    """The message for the end-of-life ``versions`` a RUN asks for, oldest first; ``end``: the oldest's end."""
    if len(versions) == 1:
        return says(version=versions[0], end=end, recommended=images.recommended_python())
    return says("more", version=versions[0], more=len(versions) - 1, end=end, recommended=images.recommended_python())
