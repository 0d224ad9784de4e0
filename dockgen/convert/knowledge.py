"""What the converter knows about base images and system packages (``templates/knowledge/convert.toml``)."""

from __future__ import annotations

import fnmatch
import functools
import tomllib
from dataclasses import dataclass
from typing import Any

from dockgen._resources import data_dir
from dockgen.errors import DockgenError
from dockgen.lint.model import ImageRef


@dataclass(frozen=True)
class Account:
    """A user a base image creates, which Dockerfiles built on it name (``USER biodocker``, ``--chown=$MAMBA_USER``)."""

    name: str
    uid: int
    gid: int
    home: str
    folders: tuple[str, ...] = ()  # other folders the image creates for that user


@dataclass(frozen=True)
class ImageFacts:
    kind: str  # python | conda | distro | cuda | windows
    family: str  # apt | apk | rpm
    provides: tuple[str, ...] = ()  # Python packages the image brings
    note: str = ""
    conda_based: bool = False
    channels: tuple[str, ...] = ()  # conda channels the image configures
    environment: tuple[tuple[str, str], ...] = ()  # variables the image defines
    account: Account | None = None
    workdir: str = ""  # the image's working folder, where relative paths land
    runtime_environment: tuple[tuple[str, str], ...] = ()  # variables what runs in the image relies on
    command: tuple[str, ...] = ()  # what the image runs when the Dockerfile sets no CMD or ENTRYPOINT
    expose: tuple[str, ...] = ()


@functools.cache
def _data() -> dict[str, Any]:
    path = data_dir("templates") / "knowledge" / "convert.toml"
    try:
        data: dict[str, Any] = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise DockgenError(f"{path}: broken converter data: {error}") from error
    return data


def image_name(image: ImageRef) -> str:
    name = image.short_name
    if image.registry and image.registry not in ("docker.io", "index.docker.io", "registry-1.docker.io"):
        name = f"{image.registry}/{image.name}"
    return name


def image_facts(image: ImageRef) -> ImageFacts | None:
    """What dockgen knows about a base image; None for an image it does not know."""
    name = image_name(image)
    tag = (image.tag or "").lower()
    if "windowsservercore" in tag or "nanoserver" in tag or "windows" in tag.split("-"):
        return ImageFacts("windows", "")
    for entry in _data()["image"]:
        if fnmatch.fnmatchcase(name, entry["pattern"]):
            family = entry.get("family", "")
            if family == "tag":
                family = "apk" if "alpine" in tag else "apt"
            return ImageFacts(entry["kind"], family, tuple(entry.get("provides", ())), entry.get("note", ""),
                              bool(entry.get("conda-based", entry["kind"] == "conda")),
                              tuple(entry.get("channels", ())), tuple(entry.get("environment", {}).items()),
                              _account(entry.get("account")), entry.get("workdir", ""),
                              tuple(entry.get("runtime-environment", {}).items()), tuple(entry.get("command", ())),
                              tuple(entry.get("expose", ())))
    return None


def _account(entry: dict[str, Any] | None) -> Account | None:
    if entry is None:
        return None
    return Account(entry["name"], entry["uid"], entry["gid"], entry["home"], tuple(entry.get("folders", ())))


def distro_python(image: ImageRef) -> str | None:
    """The python3 a distribution image installs from its packages (``ubuntu:20.04`` -> ``3.8``)."""
    table = _data()["distro-python"]
    tag = (image.tag or "latest").split("-")[0]
    minor = ".".join(tag.split(".")[:2])
    for key in (f"{image.short_name}:{tag}", f"{image.short_name}:{minor}", f"{image.short_name}:{tag.split('.')[0]}"):
        if key in table:
            return str(table[key])
    return None


def _matches(name: str, patterns: list[str]) -> bool:
    return any(fnmatch.fnmatchcase(name, pattern) for pattern in patterns)


def provides_python(family: str, package: str) -> bool:
    """A system package that only installs Python 3, pip, venv or Python's headers."""
    return _matches(_bare(package), _data()["python-provision"].get(family, []))


def is_python2(family: str, package: str) -> bool:
    return _matches(_bare(package), _data()["python2"].get(family, []))


def distro_library(family: str, package: str) -> str | None:
    """The PyPI name for a distribution's Python library (``python3-numpy`` -> ``numpy``); "" when it has none
    worth installing; None when the package is not a Python library."""
    package = _bare(package)
    prefix = next((p for p in _data()["distro-python-libraries"].get(family, []) if package.startswith(p)), None)
    if prefix is None or provides_python(family, package) or is_python2(family, package):
        return None
    name = package[len(prefix):]
    table = _data()["distro-python-libraries"]["pypi"]
    return str(table[name]) if name in table else name


def dropped_on_move(family: str, package: str) -> bool:
    """Repository helpers that mean nothing in another family."""
    return _bare(package) in _data()["system-drop"].get(family, [])


@functools.cache
def _names_from(family: str) -> dict[str, str]:
    """family name -> apt name, for the families that are not apt."""
    table: dict[str, str] = {}
    for apt_name, others in _data()["system-names"].items():
        names = others.get(family, ())
        for name in [names] if isinstance(names, str) else names:
            table[name.lower()] = apt_name  # looked up by _bare, in lower case
    return table


def map_system_package(package: str, source: str, target: str) -> tuple[tuple[str, ...], bool]:
    """The package's name(s) in the target family, and whether dockgen knows the mapping (else the name is kept)."""
    if source == target:
        return (package,), True  # as written: its pin and any ${VARIABLE} stay
    unpinned = _unpinned(package)
    package = _bare(package)
    if package in _data()["same-system-names"]["names"]:
        return (unpinned,), True
    if source == "rpm" and target in ("apt", "apk") and package.endswith("-devel") and package not in _names_from("rpm"):
        return (unpinned[:-len("-devel")].lower() + "-dev",), False  # the usual rename; still listed as unchecked
    names = _data()["system-names"]
    apt_name = package if source == "apt" else _names_from(source).get(package)
    if apt_name is None:
        return (unpinned,), False
    if target == "apt":
        return (apt_name,), True
    mapped = names.get(apt_name, {}).get(target)
    if isinstance(mapped, list):
        mapped = mapped[0]
    return (tuple(mapped.split()), True) if mapped else ((unpinned,), False)


def current_apt_name(package: str, release: str) -> tuple[tuple[str, ...], str]:
    """The apt package(s) that install ``package`` on ``release`` (a name gone from it becomes its successor), and
    "" when nothing changed, "renamed" or "replaced" (other software, or nothing, does the job)."""
    name = _bare(package)
    for kind in ("renamed", "replaced"):
        entry = _data()[f"debian-{kind}"].get(name)
        if entry is not None and release in entry["gone-from"]:
            return tuple(entry["to"].split()), kind
    return (package,), ""


def _unpinned(package: str) -> str:
    """A package word without its version pin, as written: ``curl=7.88*`` -> ``curl``, ``bash~=5`` -> ``bash``."""
    for separator in ("=", "~", ">", "<"):
        package = package.split(separator, 1)[0] if not package.startswith(separator) else package
    return package


def _bare(package: str) -> str:
    """The name to look a package up by: unpinned, lower case."""
    return _unpinned(package).lower()


def conda_on_pip(name: str) -> tuple[str, str]:
    """What a conda package becomes in the pip variant: ("drop", ""), ("tool", apt name), ("pip", PyPI name)."""
    table = _data()["conda-to-pip"]
    if name in table["build-selectors"]:
        return "drop", ""
    if name in table["tools"]:
        return "tool", str(table["tools"][name])
    if name in table["same-on-pypi"]:
        return "pip", name
    renamed = table["renamed"].get(name)
    if renamed == "":
        return "drop", ""
    return "pip", str(renamed or name)


def same_on_pypi(name: str) -> bool:
    """A bioconda package known to be the PyPI project of the same name."""
    return name in _data()["conda-to-pip"]["same-on-pypi"]


def programs() -> dict[str, dict[str, str]]:
    """Program -> {family: package that brings it}."""
    return dict(_data()["programs"])


def base_programs(kind: str) -> tuple[str, ...]:
    return tuple(_data()["base-programs"].get(kind, ()))
