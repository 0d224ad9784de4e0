"""User files the generator reads: ``requirements.txt`` and conda ``environment.yml``. Both are copied into the
image as they are (from their path in the build context); dockgen reads them to refuse what will not work and to
learn which packages they name.

Requirement files are read the way pip reads them: a BOM, ``\\`` continuations, comments after a space or tab,
per-requirement options (``--hash=...``), and option lines (``--index-url``...), which pip reads from the copied
file itself. Lines that name other files (``-r``, ``-c``, ``-e``, local paths) are refused with the file and line,
because the image would not have those files."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from packaging.requirements import InvalidRequirement, Requirement

from dockgen.commands.conda import DEFAULT_CHANNELS
from dockgen.errors import DockgenError
from dockgen.generator.catalog import PACKAGE_NAME, normalize

REFUSED_CHANNELS = DEFAULT_CHANNELS
ALLOWED_CHANNELS = frozenset({"conda-forge", "bioconda", "nodefaults", "nvidia", "pytorch"})
_COMMENT = re.compile(r"(?:^|[ \t]+)#.*$")  # pip: '#' at the start or after whitespace begins a comment
_OPTION_AFTER_REQUIREMENT = re.compile(r"[ \t]+--?[A-Za-z]")  # `pkg==1 --hash=sha256:...`
_FILE_OPTIONS = ("-r", "--requirement", "-c", "--constraint", "-e", "--editable")
_NESTING = ("-r", "--requirement", "-c", "--constraint")


@dataclass(frozen=True)
class Line:
    """A logical line of a requirements file (continuations joined, comment gone)."""

    path: Path
    number: int  # of its first physical line, 1-based
    text: str
    constraint: bool = False  # read from a file that ``-c`` names

    @property
    def where(self) -> str:
        return f"{self.path}:{self.number}"


@dataclass(frozen=True)
class Named:
    """A project a file installs, with the environment marker that limits where (``""`` for everywhere)."""

    name: str
    marker: str = ""
    line: int = 0  # where the file names it (1-based)


@dataclass(frozen=True)
class RequirementsFile:
    name: str  # the path in the build context, as it is copied (``config/requirements.txt``)
    requirements: tuple[Named, ...]
    hashed: bool = False  # pip's hash-checking mode: every package installed with it needs a hash

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(named.name for named in self.requirements)


@dataclass(frozen=True)
class LockFile:
    """The hash-pinned requirements ``--lock`` writes next to the Dockerfile (dockgen/generator/lock.py)."""

    name: str  # its path in the build context
    text: str


@dataclass(frozen=True)
class EnvironmentFile:
    name: str  # the path in the build context
    names: tuple[str, ...]
    channels: tuple[str, ...]
    python: str = ""  # the file's own python dependency (``python=3.11``), if it has one


def read_requirements(path: Path, context: Path | None = None, nested: bool = False) -> RequirementsFile:
    """``path`` as given on the command line; ``context`` is the build context (the current folder). ``nested``
    (for ``--lock``, where the image gets the lock file alone): ``-r`` and ``-c`` lines are followed, not refused."""
    requirements: list[Named] = []
    specifiers: list[str] = []  # each requirement's version specifier, in the same order
    hashed = False
    for line in requirement_lines(path, follow=nested):
        if line.constraint:
            continue  # a constraint installs nothing
        if line.text.startswith("-"):
            word = option_word(line.text)
            if word in _FILE_OPTIONS:
                raise DockgenError(f"{line.where}: `{word}` names another file or folder, which the image "
                                   "would not have; merge it into this file or install it from an index")
            hashed = hashed or word == "--require-hashes"
            continue  # an option line: pip reads it from the copied file
        requirement_text, options = split_requirement(line)
        hashed = hashed or "--hash" in options
        requirement = parse_requirement(requirement_text, line)
        named = Named(requirement.name, str(requirement.marker) if requirement.marker else "", line.number)
        _check_once(line.where, named, str(requirement.specifier), requirements, specifiers)
        specifiers.append(str(requirement.specifier))
        requirements.append(named)
    return RequirementsFile(_context_path(path, context), tuple(requirements), hashed)


def split_requirement(line: Line) -> tuple[str, str]:
    """A requirement line's requirement and its per-requirement options (``--hash=...``)."""
    options = _OPTION_AFTER_REQUIREMENT.search(line.text)
    if options is None:
        return line.text, ""
    return line.text[:options.start()].strip(), line.text[options.start():].strip()


def parse_requirement(text: str, line: Line) -> Requirement:
    try:
        return Requirement(text)
    except InvalidRequirement as error:
        if "://" in text.split(";")[0]:
            raise DockgenError(f"{line.where}: {text!r} is a URL without a project name; write NAME @ URL, so "
                               "dockgen knows what it installs") from None
        if text.startswith((".", "/")) or "/" in text.split(";")[0]:
            raise DockgenError(f"{line.where}: {text!r} is a local path, which the image would not have; install "
                               "the project from an index or copy it with --copy") from None
        raise DockgenError(f"{line.where}: cannot parse requirement {text!r}: {error}") from None


def option_word(text: str) -> str:
    """An option line's option: ``--index-url`` of ``--index-url=https://...``, ``-r`` of ``-rbase.txt``."""
    if re.match(r"-[A-Za-z]", text):
        return text[:2]
    return re.split(r"[ \t=]", text, maxsplit=1)[0]


def option_value(text: str) -> str:
    """An option line's value (``-i URL``, ``--index-url=URL``, ``-rfile``), or ``""``."""
    return text[len(option_word(text)):].lstrip(" \t=")


def requirement_lines(path: Path, follow: bool = False) -> list[Line]:
    """The file's logical lines, comments gone and blank ones left out; with ``follow``, the lines of the files
    that ``-r`` and ``-c`` name (as pip finds them: relative to the naming file's folder) in their place, those of
    a ``-c`` file marked as constraints."""
    return _walk(path, follow, constraint=False, seen=())


def _walk(path: Path, follow: bool, constraint: bool, seen: tuple[Path, ...]) -> list[Line]:
    lines: list[Line] = []
    for number, raw in _logical_lines(_read(path)):
        line = Line(path, number, _COMMENT.sub("", raw).strip(), constraint)
        word = option_word(line.text) if line.text.startswith("-") else ""
        if not line.text:
            continue
        if not follow or word not in _NESTING:
            lines.append(line)
            continue
        nested = path.parent / option_value(line.text)
        if nested.resolve() in seen or nested.resolve() == path.resolve():
            raise DockgenError(f"{line.where}: `{word}` includes {nested}, which includes this file again")
        if not nested.is_file():
            raise DockgenError(f"{line.where}: `{word}` names {nested}, which is not a file")
        lines += _walk(nested, follow, constraint or word in ("-c", "--constraint"), (*seen, path.resolve()))
    return lines


def _check_once(where: str, named: Named, specifier: str, earlier: list[Named], specifiers: list[str]) -> None:
    """A project named twice for the same environments: pip merges the two specs or fails to resolve them, and
    either way one line says something the other does not. (Different markers, such as one pin per Python, are
    how a file asks for different versions on purpose.)"""
    for other, other_specifier in zip(earlier, specifiers):
        if normalize(other.name) != normalize(named.name) or other.marker != named.marker:
            continue
        if specifier != other_specifier:
            raise DockgenError(f"{where}: {named.name}{specifier or ' (any version)'} conflicts with "
                               f"{other.name}{other_specifier or ' (any version)'} on line {other.line}; keep one")
        raise DockgenError(f"{where}: {named.name} is already required on line {other.line}; name it "
                           "once")


def _logical_lines(text: str) -> list[tuple[int, str]]:
    """Physical lines joined at a trailing backslash, each with the number of its first line (pip's join_lines: a
    whole-line comment ends a continuation)."""
    lines: list[tuple[int, str]] = []
    pending: list[str] = []
    start = 0
    for number, raw in enumerate(text.splitlines(), start=1):
        comment = _COMMENT.match(raw) is not None
        if raw.endswith("\\") and not comment:
            start = start if pending else number
            pending.append(raw[:-1])
            continue
        if pending:
            lines.append((start, "".join(pending) + (" " + raw if comment else raw)))
            pending = []
        else:
            lines.append((number, raw))
    if pending:
        lines.append((start, "".join(pending)))
    return lines


def read_environment(path: Path, context: Path | None = None) -> EnvironmentFile:
    import yaml

    try:
        data = yaml.safe_load(_read(path))
    except yaml.YAMLError as error:
        raise DockgenError(f"{path}: not valid YAML: {' '.join(str(error).split())}") from None
    if not isinstance(data, dict):
        raise DockgenError(f"{path}: expected a conda environment (a mapping with channels and dependencies)")
    channels = data.get("channels") or []
    if not isinstance(channels, list) or not all(isinstance(c, str) for c in channels):
        raise DockgenError(f"{path}: channels must be a list of channel names")
    for channel in channels:
        if channel in REFUSED_CHANNELS or "repo.anaconda.com" in channel:
            raise DockgenError(f"{path}: channel {channel!r} is Anaconda's licensed defaults; use conda-forge")
        if channel not in ALLOWED_CHANNELS:
            raise DockgenError(f"{path}: channel {channel!r} is not one dockgen builds from "
                               f"({', '.join(sorted(ALLOWED_CHANNELS))})")
    dependencies = data.get("dependencies") or []
    if not isinstance(dependencies, list):
        raise DockgenError(f"{path}: dependencies must be a list")
    names = []
    python = ""
    for dependency in dependencies:
        if isinstance(dependency, dict):
            raise DockgenError(f"{path}: pip sub-dependencies ({dependency}) mix pip into the conda environment; "
                               "install them from conda-forge, or build with --manager pip")
        if not isinstance(dependency, str):
            raise DockgenError(f"{path}: dependency {dependency!r} is not a package spec")
        name = dependency.split("::")[-1].split()[0]
        for operator in ("=", "<", ">", "!", "~", "["):
            name = name.split(operator, 1)[0]
        if not PACKAGE_NAME.fullmatch(name):
            raise DockgenError(f"{path}: cannot read dependency {dependency!r}")
        if name == "python":
            python = dependency.strip()
            continue
        names.append(name)
    return EnvironmentFile(_context_path(path, context), tuple(names), tuple(channels), python)


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")  # a BOM is not part of the first line
    except (OSError, UnicodeDecodeError) as error:
        raise DockgenError(f"{path}: cannot read: {getattr(error, 'strerror', None) or error}") from None


def _context_path(path: Path, context: Path | None) -> str:
    """Where the file is in the build context, as COPY names it: the folders are kept (``config/requirements.txt``)."""
    root = (context or Path.cwd()).resolve()
    relative = path
    if path.is_absolute():
        try:
            relative = path.resolve().relative_to(root)
        except ValueError:
            raise DockgenError(f"{path}: not inside the build context {root}; COPY can only read files below "
                               "it") from None
    if ".." in relative.parts:
        raise DockgenError(f"{path}: give the path inside the build context without '..'")
    if not relative.parts or not all(PACKAGE_NAME.fullmatch(part) for part in relative.parts):
        raise DockgenError(f"{path}: rename the file and its folders to letters, digits, '.', '_' and '-' only")
    return relative.as_posix()
