"""User files the generator reads: ``requirements.txt`` and conda ``environment.yml``. Both are copied into the
image as they are; dockgen reads them to refuse what will not work and to learn which packages they name."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from packaging.requirements import InvalidRequirement, Requirement

from dockgen.catalog import PACKAGE_NAME
from dockgen.errors import DockgenError

REFUSED_CHANNELS = frozenset({"defaults", "anaconda", "main", "r", "msys2", "free", "pro"})
ALLOWED_CHANNELS = frozenset({"conda-forge", "bioconda", "nodefaults", "nvidia", "pytorch"})


@dataclass(frozen=True)
class RequirementsFile:
    name: str  # the file name, as it will be copied from the build context
    names: tuple[str, ...]  # project names it installs


@dataclass(frozen=True)
class EnvironmentFile:
    name: str
    names: tuple[str, ...]
    channels: tuple[str, ...]


def read_requirements(path: Path) -> RequirementsFile:
    names = []
    for number, raw in enumerate(_read(path).splitlines(), start=1):
        line = raw.split(" #", 1)[0].strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("-"):
            raise DockgenError(f"{path}:{number}: pip options ({line.split()[0]}) are not supported in the "
                               "requirements file dockgen copies; keep only requirements")
        try:
            requirement = Requirement(line)
        except InvalidRequirement as error:
            raise DockgenError(f"{path}:{number}: cannot parse requirement {line!r}: {error}") from None
        names.append(requirement.name)
    _check_name(path)
    return RequirementsFile(path.name, tuple(names))


def read_environment(path: Path) -> EnvironmentFile:
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
        names.append(name)
    _check_name(path)
    return EnvironmentFile(path.name, tuple(names), tuple(channels))


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise DockgenError(f"{path}: cannot read: {getattr(error, 'strerror', None) or error}") from None


def _check_name(path: Path) -> None:
    if not PACKAGE_NAME.fullmatch(path.name):
        raise DockgenError(f"{path}: rename the file to letters, digits, '.', '_' and '-' only")
