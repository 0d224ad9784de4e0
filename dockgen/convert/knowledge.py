"""What the converter knows about base images and system packages (``templates/knowledge/convert.toml``)."""

from __future__ import annotations

import dataclasses
import fnmatch
import functools
from collections.abc import Mapping

from dockgen.convert.knowledge_data import Account, ImageFacts, convert_data
from dockgen.lint.model import ImageRef

__all__ = ["Account", "ImageFacts"]  # the records, for the modules that read them


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
    for known in convert_data().images:
        if fnmatch.fnmatchcase(name, known.pattern):
            if known.family_from_tag:
                return dataclasses.replace(known.facts, family="apk" if "alpine" in tag else "apt")
            return known.facts
    return None


def distro_python(image: ImageRef) -> str | None:
    """The python3 a distribution image installs from its packages (``ubuntu:20.04`` -> ``3.8``)."""
    table = convert_data().distro_python
    tag = (image.tag or "latest").split("-")[0]
    minor = ".".join(tag.split(".")[:2])
    for key in (f"{image.short_name}:{tag}", f"{image.short_name}:{minor}", f"{image.short_name}:{tag.split('.')[0]}"):
        if key in table:
            return table[key]
    return None


def _matches(name: str, patterns: tuple[str, ...]) -> bool:
    return any(fnmatch.fnmatchcase(name, pattern) for pattern in patterns)


def provides_python(family: str, package: str) -> bool:
    """A system package that only installs Python 3, pip, venv or Python's headers."""
    return _matches(_bare(package), convert_data().python_provision.get(family, ()))


def is_python2(family: str, package: str) -> bool:
    return _matches(_bare(package), convert_data().python2.get(family, ()))


def distro_library(family: str, package: str) -> str | None:
    """The PyPI name for a distribution's Python library (``python3-numpy`` -> ``numpy``); "" when it has none
    worth installing; None when the package is not a Python library."""
    package = _bare(package)
    prefix = next((p for p in convert_data().library_prefixes.get(family, ()) if package.startswith(p)), None)
    if prefix is None or provides_python(family, package) or is_python2(family, package):
        return None
    name = package[len(prefix):]
    return convert_data().library_pypi.get(name, name)


def dropped_on_move(family: str, package: str) -> bool:
    """Repository helpers that mean nothing in another family."""
    return _bare(package) in convert_data().system_drop.get(family, frozenset())


@functools.cache
def _names_from(family: str) -> dict[str, str]:
    """family name -> apt name, for the families that are not apt."""
    table: dict[str, str] = {}
    for apt_name, others in convert_data().system_names.items():
        for name in others.get(family, ()):
            table[name.lower()] = apt_name  # looked up by _bare, in lower case
    return table


def map_system_package(package: str, source: str, target: str) -> tuple[tuple[str, ...], bool]:
    """The package's name(s) in the target family, and whether dockgen knows the mapping (else the name is kept)."""
    if source == target:
        return (package,), True  # as written: its pin and any ${VARIABLE} stay
    unpinned = _unpinned(package)
    package = _bare(package)
    if package in convert_data().same_system_names:
        return (unpinned,), True
    if source == "rpm" and target in ("apt", "apk") and package.endswith("-devel") and package not in _names_from("rpm"):
        return (unpinned[:-len("-devel")].lower() + "-dev",), False  # the usual rename; still listed as unchecked
    apt_name = package if source == "apt" else _names_from(source).get(package)
    if apt_name is None:
        return (unpinned,), False
    if target == "apt":
        return (apt_name,), True
    mapped = convert_data().system_names.get(apt_name, {}).get(target, ())
    return (tuple(mapped[0].split()), True) if mapped and mapped[0] else ((unpinned,), False)


def current_apt_name(package: str, release: str) -> tuple[tuple[str, ...], str]:
    """The apt package(s) that install ``package`` on ``release`` (a name gone from it becomes its successor), and
    "" when nothing changed, "renamed" or "replaced" (other software, or nothing, does the job)."""
    name = _bare(package)
    data = convert_data()
    for kind, table in (("renamed", data.debian_renamed), ("replaced", data.debian_replaced)):
        entry = table.get(name)
        if entry is not None and release in entry.gone_from:
            return entry.to, kind
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
    table = convert_data().conda_to_pip
    if name in table.build_selectors:
        return "drop", ""
    if name in table.tools:
        return "tool", table.tools[name]
    if name in table.same_on_pypi:
        return "pip", name
    renamed = table.renamed.get(name)
    if renamed == "":
        return "drop", ""
    return "pip", renamed or name


def same_on_pypi(name: str) -> bool:
    """A bioconda package known to be the PyPI project of the same name."""
    return name in convert_data().conda_to_pip.same_on_pypi


def programs() -> Mapping[str, Mapping[str, str]]:
    """Program -> {family: package that brings it}."""
    return convert_data().programs


def base_programs(kind: str) -> tuple[str, ...]:
    return convert_data().base_programs.get(kind, ())
