"""DG210: a system package manager installs Python 2 (its interpreter, pip or headers)."""

import re
from collections.abc import Iterator

from dockgen.checks._python import root_image
from dockgen.checks.contract import Context, Hit, Message, hit_at, says
from dockgen.commands import system
from dockgen.knowledge import images, interpreters
from dockgen.lint.model import Dockerfile, ImageRef

# Alpine names that meant Python 2 only before py-pip became the Python 3 pip (Alpine 3.12).
_ALPINE_AMBIGUOUS = frozenset({"py-pip", "python", "python-dev", "py-setuptools"})

_RELEASE = r"^(\d+\.\d+)"
_IN_TAG = r"alpine(\d+\.\d+)"


def _version(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in text.split(".") if part.isdigit())


def _alpine_version(image: ImageRef) -> str | None:
    """``3.8`` for ``alpine:3.8.5`` or ``python:2.7-alpine3.8``; None when the tag names no Alpine release."""
    tag = (image.tag or "").lower()
    found = re.match(_RELEASE, tag) if image.short_name == "alpine" else re.search(_IN_TAG, tag)
    return found.group(1) if found else None


def _means_python2(family: str, package: str, image: ImageRef) -> bool:
    if package not in interpreters.python2_packages(family):
        return False
    if family == "apk" and package in _ALPINE_AMBIGUOUS:
        version = _alpine_version(image)
        return version is not None and _version(version) < _version(interpreters.alpine_py_pip_python3_from())
    return True


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    end = images.python_eol("2.7")
    for stage in dockerfile.stages:
        image = root_image(dockerfile, stage)
        for run in (i for i in stage.instructions if i.keyword == "RUN"):
            found = [(command, package) for command in run.commands
                     if (parsed := system.system_command(command)) and parsed.verb == "install"
                     for package in system.installed_packages(command)
                     if _means_python2(parsed.family, package, image)]
            if found:
                names = list(dict.fromkeys(package for _, package in found))
                yield hit_at(run, found[0][0].find(found[0][1]), _message(names, end))


def _message(names: list[str], end: object) -> Message:
    if len(names) == 1:
        return says(package=names[0], end=str(end))
    return says("more", package=names[0], more=len(names) - 1, end=str(end))
