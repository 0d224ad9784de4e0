"""Read a user's Dockerfile into what the image is: its stages and bases, the Python it runs and where that Python
comes from. Built on the lint model and the public command toolkit; refuses what cannot be converted."""

from __future__ import annotations

import re
from dataclasses import dataclass

from dockgen.commands import conda, pip, system
from dockgen.commands.build import compiles
from dockgen.commands.environment import read_conda_file
from dockgen.convert import knowledge
from dockgen.convert.build_context import BuildContext, NoContext
from dockgen.convert.knowledge import ImageFacts
from dockgen.convert.layout import Layout, read_named
from dockgen.errors import DockgenError
from dockgen.knowledge.images import python_version
from dockgen.lint.model import Command, Dockerfile, ImageRef, Stage
from dockgen.lint.parse import is_posix_shell, key_values, parse_text



class Refused(DockgenError):
    """A source dockgen will not convert; ``reason`` is a short key for reports."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


@dataclass(frozen=True)
class PythonOrigin:
    version: str | None  # X.Y, None when nothing says
    where: str  # for notes: "the python:3.7.7-slim-stretch image", "conda (python=3.8)"


@dataclass(frozen=True)
class SourceStage:
    stage: Stage
    base: ImageRef  # the registry image under it, through FROM <earlier stage>
    facts: ImageFacts | None
    derived: bool  # FROM an earlier stage of this file
    python: bool  # the stage runs Python: a Python or conda base, or Python installs
    compiles: bool  # compilers or CUDA builds run in it
    ties: str = ""  # what ties it to its distribution release (its own package repositories), when something does
    pyenv: tuple[str, ...] = ()  # the Python versions it builds with pyenv (more than one: a multi-Python image)

    @property
    def family(self) -> str | None:
        return self.facts.family if self.facts else None


@dataclass(frozen=True)
class Source:
    name: str
    dockerfile: Dockerfile
    stages: tuple[SourceStage, ...]
    python: PythonOrigin


def read_source(text: str, name: str, context: BuildContext | None = None) -> Source:
    dockerfile = parse_text(text)
    if dockerfile.problems:
        problem = dockerfile.problems[0]
        raise Refused("parse", f"{name}:{problem.line}: cannot parse: {problem.message}")
    if not dockerfile.stages:
        raise Refused("parse", f"{name}: no FROM instruction")
    stages: list[SourceStage] = []
    compiling = _compiling(dockerfile)
    for stage in dockerfile.stages:
        parent = stages[stage.parent] if stage.parent is not None and stage.parent < len(stages) else None
        base = parent.base if parent else stage.image
        facts = parent.facts if parent else knowledge.image_facts(stage.image)
        if facts and facts.kind == "windows" or any(not is_posix_shell(i.shell) for i in stage.instructions):
            raise Refused("windows", f"{name}:{stage.from_instruction.line}: a Windows image ({stage.image.raw}): "
                                     "dockgen converts Linux images only")
        installs = _installs_python(stage)
        python_stage = bool(installs or (facts and facts.kind in ("python", "conda"))
                            or (parent is not None and parent.python))
        stages.append(SourceStage(stage, base, facts, parent is not None, python_stage, stage.index in compiling,
                                  _ties(stage), _pyenv_versions(stage, "install")))
    _refuse_python_build(name, dockerfile)
    if not any(s.python for s in stages):
        raise Refused("no-python", f"{name}: installs no Python packages and stands on no Python image; "
                                   "nothing for dockgen to convert")
    origin = _python_origin(stages, context or NoContext())
    _refuse_python2(name, stages, origin)
    return Source(name, dockerfile, tuple(stages), origin)


def _installs_python(stage: Stage) -> bool:
    for instruction in stage.instructions:
        for command in instruction.commands:
            if pip.is_pip_install(command) or conda.installs(command):
                return True
            if command.name.startswith("python") and "setup.py" in command.args:
                return True
    return False


_TYING_COMMANDS = frozenset({"add-apt-repository", "apt-add-repository", "apt-key", "yum-config-manager", "rpm",
                             "subscription-manager", "lsb_release", "zypper"})
_TYING_PATHS = ("/etc/apt/sources.list", "/etc/yum.repos.d", "/etc/apk/repositories", "ppa:")


def _ties(stage: Stage) -> str:
    """A command that only works on the source's distribution release: its own package repositories, rpm, the
    release's codename. (The deadsnakes PPA only brings Python, which the new base has.)"""
    for instruction in stage.instructions:
        if instruction.keyword != "RUN" or "deadsnakes" in instruction.args:
            continue
        for command in instruction.commands:
            if command.name in _TYING_COMMANDS or (command.name == "dnf" and "config-manager" in command.args):
                return f"`{command.name}` at line {instruction.line}"
        found = next((path for path in _TYING_PATHS if path in instruction.args), None)
        if found:
            return f"`{found}` at line {instruction.line}"
    return ""


def _compiling(dockerfile: Dockerfile) -> set[int]:
    """Stages that compile, or that a compiling stage is built FROM (they keep a toolchain base)."""
    found: set[int] = set()
    for stage in reversed(dockerfile.stages):
        if compiles(stage.instructions) or stage.index in found:
            found.add(stage.index)
            if stage.parent is not None:
                found.add(stage.parent)
    return found


def _python_origin(stages: list[SourceStage], context: BuildContext) -> PythonOrigin:
    """The Python of the last Python stage: from the image tag, a conda python= spec, a versioned distribution
    package, or the distribution's default python3."""
    stage = next(s for s in reversed(stages) if s.python)
    version = python_version(stage.base)
    if version:
        return PythonOrigin(version, f"the {stage.base.raw} image")
    if stage.facts and stage.facts.kind == "python" and stage.base.tag:
        match = re.match(r"(?:python)?([23])\.(\d{1,2})", stage.base.tag)  # a Python version, not the image's own
        if match:
            return PythonOrigin(f"{match.group(1)}.{match.group(2)}", f"the {stage.base.raw} image")
        if stage.base.short_name == "python" and re.match(r"2(\b|-|$)", stage.base.tag):
            return PythonOrigin("2.7", f"the {stage.base.raw} image")  # python:2, python:2-alpine
    if stage.facts is None and "python" in stage.base.name.rsplit("/", 1)[-1] and stage.base.tag:
        match = re.match(r"(?:python|py)?2\.([67])\b", stage.base.tag)  # floydhub/python-base:2.7
        if match:
            return PythonOrigin(f"2.{match.group(1)}", f"the {stage.base.raw} image")
    for source_stage in (stage, *stages):
        found = _python_from_commands(source_stage.stage, context)
        if found:
            return found
    for instruction in stage.stage.instructions:
        if instruction.keyword == "ENV":
            for key, value in key_values(instruction.args):
                match = re.match(r"(\d)\.(\d{1,2})", value)
                if key.upper() in ("PYTHON_VERSION", "PYTHON") and match:
                    return PythonOrigin(f"{match.group(1)}.{match.group(2)}", f"ENV {key}={value}")
    default = knowledge.distro_python(stage.base)
    if default:
        return PythonOrigin(default, f"{stage.base.raw}'s python3 package")
    return PythonOrigin(None, f"the {stage.base.raw} image")


def _python_from_commands(stage: Stage, context: BuildContext) -> PythonOrigin | None:
    for verb in ("global", "install"):  # the Python pyenv makes the default, else the one it builds
        versions = _pyenv_versions(stage, verb)
        if versions and (verb == "global" or len(versions) == 1):
            return PythonOrigin(".".join(versions[-1].split(".")[:2]), f"`pyenv {verb} {versions[-1]}`")
    layout = Layout()
    for instruction in stage.instructions:
        layout.see(instruction)
        if instruction.keyword != "RUN":
            continue
        for command in instruction.commands:
            if conda.installs(command):
                where = conda.env_file(command) or "conda"
                for spec in (*conda.packages(command), *_file_specs(command, layout, context)):
                    if conda.spec_name(spec) == "python" and conda.pip_specifier(spec).startswith("=="):
                        match = re.match(r"(\d)\.(\d{1,2})", conda.spec_version(spec))
                        if match:
                            return PythonOrigin(f"{match.group(1)}.{match.group(2)}", f"{where} ({spec})")
            found = system.system_command(command)
            if found and found.verb == "install":
                for package in found.packages:
                    match = re.fullmatch(r"python(\d)\.?(\d{1,2})(-.*)?", package.split("=")[0])
                    if match and match.group(1) == "3":
                        return PythonOrigin(f"3.{match.group(2)}", f"the {package} package")
    return None


def _pyenv_versions(stage: Stage, verb: str) -> tuple[str, ...]:
    """The versions ``pyenv install`` builds or ``pyenv global`` selects (``pyenv install -s 3.10.4``), in order."""
    found = [arg for instruction in stage.instructions if instruction.keyword == "RUN"
             for command in instruction.commands if command.name == "pyenv" and command.args[:1] == (verb,)
             for arg in command.args[1:] if re.fullmatch(r"[23]\.\d{1,2}(\.\d+)?", arg)]
    return tuple(dict.fromkeys(found))


def _file_specs(command: Command, layout: Layout, context: BuildContext) -> tuple[str, ...]:
    """The conda specs of the environment file a command builds from (WORKDIR only: a ``cd`` is not followed)."""
    file = conda.env_file(command)
    text = read_named(layout, file, layout.workdir, context) if file else None
    spec = read_conda_file(text) if text is not None else None
    return spec.conda if spec else ()


_PYTHON_SOURCES = ("python.org/ftp/python/", "downloads.python.org/pypy/")


def _refuse_python_build(name: str, dockerfile: Dockerfile) -> None:
    """A Dockerfile that builds CPython or PyPy from its source release is a Python base image (docker-library's
    python and pypy, demisto/python): putting it on a Python base would build a second Python on top of the first."""
    for instruction in dockerfile.instructions:
        if instruction.keyword == "RUN" and any(url in instruction.args for url in _PYTHON_SOURCES):
            built = re.search(r"python/(\d+\.\d+)|(?:Python|python)-(\d+\.\d+)", instruction.args)
            version = next((v for v in built.groups() if v), "") if built else ""
            if version.startswith("2."):
                raise Refused("python2", f"{name}:{instruction.line}: builds Python {version} from its source release; "
                                         "Python 2 code needs porting to Python 3 before dockgen can convert it")
            raise Refused("builds-python", f"{name}:{instruction.line}: builds Python itself from its source release; "
                                           "it is a Python base image, so use the image it builds as a base rather "
                                           "than converting it")


def _refuse_python2(name: str, stages: list[SourceStage], origin: PythonOrigin) -> None:
    if origin.version and origin.version.startswith("2"):
        raise Refused("python2", f"{name}: runs Python {origin.version} ({origin.where}); Python 2 code needs "
                                 "porting to Python 3 before dockgen can convert it")
    if origin.version and not origin.where.endswith("python3 package"):
        return
    py2 = py3 = False
    for stage in stages:
        for instruction in stage.stage.instructions:
            for command in instruction.commands:
                if command.name in ("pip2", "python2") or re.fullmatch(r"(pip|python)2\.\d+", command.name):
                    py2 = True
                if command.name.startswith(("pip3", "python3")):
                    py3 = True
                found = system.system_command(command)
                if found and found.verb == "install" and stage.family:
                    py2 |= any(knowledge.is_python2(stage.family, p) for p in found.packages)
                    py3 |= any(knowledge.provides_python(stage.family, p) for p in found.packages)
    if py2 and not py3:
        raise Refused("python2", f"{name}: installs Python 2 only (python, python-pip or pip2); Python 2 code "
                                 "needs porting to Python 3 before dockgen can convert it")
