"""Python-image facts for the DG2xx-DG5xx rules: ``rules/knowledge/python.toml`` and the package catalog
(``templates/packages/``, read by ``dockgen.knowledge.packages`` for the generator and the rules alike)."""

from __future__ import annotations

import fnmatch
import functools
import re
from collections.abc import Mapping

from dockgen.commands.pip import normalize as normalize  # re-exported for the checks
from dockgen.knowledge import data
from dockgen.knowledge.packages import Package, all_packages
from dockgen.lint.model import ImageRef


def requirement_name(requirement: str) -> str:
    """``torch==2.5`` -> ``torch``; ``xgboost[dask]>=2`` -> ``xgboost``; paths and URLs give ``""``."""
    if "/" in requirement or requirement.startswith((".", "-")):
        return ""
    match = re.match(r"[A-Za-z0-9][A-Za-z0-9._-]*", requirement)
    return normalize(match.group()) if match else ""


@functools.cache
def packages_by_pip_name() -> dict[str, Package]:
    """Every catalog package under each pip name it is installed by (its own, its GPU build, its GUI variants)."""
    table: dict[str, Package] = {}
    for package in all_packages():
        for name in (package.pip, package.gpu_pip, *package.gui_variants, *package.also_pip):
            if name:
                table.setdefault(normalize(name), package)
    return table


def package(requirement: str) -> Package | None:
    name = requirement_name(requirement)
    return packages_by_pip_name().get(name) if name else None


def pep668_from(family: str) -> str | None:
    """The first release of ``family`` with an externally managed system Python, if any."""
    return data.python().pep668.get(family) or None


def _matches(image: ImageRef, patterns: tuple[str, ...]) -> bool:
    full = image.short_name + (f":{image.tag}" if image.tag else "")
    candidates = (image.short_name, full, f"{image.registry}/{full}" if image.registry else full)
    return any(fnmatch.fnmatchcase(candidate, pattern) for pattern in patterns for candidate in candidates)


def runs_as_non_root(image: ImageRef) -> bool:
    return _matches(image, data.python().non_root_images)


def is_gpu_image(image: ImageRef) -> bool:
    return _matches(image, data.python().gpu_images)


def gpu_env_names() -> frozenset[str]:
    return data.python().gpu_env


def build_tools(manager: str) -> frozenset[str]:
    return data.python().build_tools.get(manager, frozenset())


def is_secret_path(path: str) -> bool:
    """True when a COPY/ADD source names a credentials file or folder."""
    facts = data.python()
    parts = [part for part in path.replace("\\", "/").split("/") if part not in ("", ".")]
    if not parts or any(fnmatch.fnmatchcase(parts[-1], pattern) for pattern in facts.secret_public):
        return False
    if any(fnmatch.fnmatchcase(parts[-1], pattern) for pattern in facts.secret_names):
        return True
    joined = "/".join(parts)
    return any(joined == folder or joined.endswith("/" + folder) or f"{folder}/" in joined + "/"
               for folder in facts.secret_folders)


def is_conda_installer(word: str) -> bool:
    if not word.endswith(".sh"):
        return False
    name = word.rsplit("/", 1)[-1].lower()
    return any(fnmatch.fnmatchcase(name, pattern) for pattern in data.python().conda_installers)


def is_conda_image(image: ImageRef) -> bool:
    return _matches(image, data.python().conda_images)


def insecure_options() -> Mapping[str, tuple[str, ...]]:
    return data.python().insecure_options


@functools.cache
def insecure_fragments() -> tuple[str, ...]:
    """Lower case, for matching without case."""
    return tuple(f.lower() for f in data.python().insecure_fragments)


def insecure_env() -> Mapping[str, tuple[str, ...]]:
    return data.python().insecure_env


def ssh_packages() -> frozenset[str]:
    return data.python().ssh_packages


def ssh_programs() -> frozenset[str]:
    return data.python().ssh_programs


def is_musl_image(image: ImageRef) -> bool:
    """Alpine and images built on it, for any architecture (``arm32v7/alpine``, ``python:3.12-alpine``)."""
    from dockgen.knowledge.images import without_arch

    facts = data.python()
    words = (image.tag or "").lower().replace("_", "-").split("-")
    return without_arch(image).short_name in facts.musl_names or any(
        word.startswith(w) for w in facts.musl_tag_words for word in words)


def has_no_shell(image: ImageRef) -> bool:
    return _matches(image, data.python().shell_less_images)


def dependency_installers() -> Mapping[str, tuple[str, ...]]:
    return data.python().dependency_installers
