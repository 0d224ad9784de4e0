"""DG211: an end-of-life Python asked for outside a ``python:`` image: a versioned image, a virtualenv, a conda
environment, a distribution or deadsnakes package, ``uv python install``, ``pyenv install``."""

import re
from collections.abc import Iterator

from dockgen.checks._python import root_image
from dockgen.checks._fixes import word_columns
from dockgen.checks.contract import Context, Hit, Message, hit_at, says
from dockgen.commands import conda, options, system
from dockgen.commands.options import positional
from dockgen.knowledge import images, interpreters
from dockgen.lint.model import Command, Dockerfile, Location

# apt/apk names such as python3.7, python3.7-dev, python3.7-venv; rpm names such as python36, python38-devel.
_DISTRO_PACKAGE = r"^python(3\.\d{1,2})(?:-[a-z0-9-]+)?$"
_RPM_PACKAGE = r"^(?:rh-)?python(3)(\d{1,2})(?:-[a-z0-9-]+)?$"
_UV_VALUES = frozenset({"i", "install-dir", "mirror", "pypy-mirror", "python-downloads-json-url"})


def _distro_versions(command: Command) -> list[tuple[str, str]]:
    found = []
    for package in system.installed_packages(command):
        if match := re.match(_DISTRO_PACKAGE, package):
            found.append((match.group(1), package))
        elif match := re.match(_RPM_PACKAGE, package):
            found.append((f"{match.group(1)}.{match.group(2)}", package))
    return found


def _exact_python(spec: str) -> bool:
    """``python=3.6`` or ``python==3.6.*``, not ``python>=3.6`` (which lets the solver pick a newer one)."""
    name = spec.split("::", 1)[-1]
    return conda.spec_name(spec) == "python" and name[len("python"):].startswith("=")


def _asked_versions(command: Command) -> list[tuple[str, str]]:
    """The Python versions a command installs or builds an environment with, each with the word that asks."""
    name = command.name
    if name == "virtualenv" or (name.startswith("python") and "virtualenv" in command.args[:2]) or (
            name == "uv" and command.args[:1] == ("venv",)):
        values = options.option_values(command, "p", "python")
        return [(v, value) for value in values if (v := interpreters.minor_version(value))]
    if name == "uv" and command.args[:2] == ("python", "install"):
        return [(v, arg) for arg in positional(command, _UV_VALUES)[2:] if (v := interpreters.minor_version(arg))]
    if name == "pyenv" and command.args[:1] == ("install",):
        return [(v, arg) for arg in command.args[1:] if re.match(r"^\d", arg)
                and (v := interpreters.minor_version(arg))]
    if conda.installs(command):
        return [(v, spec) for spec in conda.packages(command) if _exact_python(spec)
                and (v := interpreters.minor_version(conda.spec_version(spec)))]
    return _distro_versions(command)


def _word(command: Command, value: str) -> Location | None:
    """Where ``value`` is written: a word of its own, or the end of one (``--python=3.7``, ``-p3.7``)."""
    return command.find(value) or next((command.arg_location(index) for index, arg in enumerate(command.args)
                                        if arg.startswith("-") and arg.endswith(value)), None)


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    for stage in dockerfile.stages:
        image = root_image(dockerfile, stage)
        own = images.python_version(image) or interpreters.image_python(image)
        named = interpreters.image_python(stage.image)
        if named and (end := interpreters.eol(named, context.today)) and not images.python_version(stage.image):
            column, end_column = word_columns(dockerfile, stage.from_instruction, stage.image.raw)
            yield Hit(stage.from_instruction.line,
                      says("image", image=stage.image.raw, version=named, end=str(end),
                           recommended=images.recommended_python()), column=column, end_column=end_column)
        for run in (i for i in stage.instructions if i.keyword == "RUN"):
            asked = [(v, command, word) for command in run.commands for v, word in _asked_versions(command)
                     if v != own and v.startswith("3.") and interpreters.eol(v, context.today)]
            if asked:
                ordered = sorted({v for v, _, _ in asked}, key=lambda v: tuple(int(p) for p in v.split(".")))
                _, command, word = asked[0]
                yield hit_at(run, _word(command, word),
                             _asked_message(ordered, str(interpreters.eol(ordered[0], context.today))))


def _asked_message(versions: list[str], end: str) -> Message:
    """The message for the end-of-life ``versions`` a RUN asks for, oldest first; ``end``: the oldest's end."""
    if len(versions) == 1:
        return says(version=versions[0], end=end, recommended=images.recommended_python())
    return says("more", version=versions[0], more=len(versions) - 1, end=end, recommended=images.recommended_python())
