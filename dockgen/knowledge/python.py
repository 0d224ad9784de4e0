"""Python-image facts for the DG2xx-DG5xx rules: ``rules/knowledge/python.toml`` and the per-package data in
``templates/packages/`` that the generator uses. Read through dockgen.lint_data, so linting stays light."""

from __future__ import annotations

import fnmatch
import functools
import re
from dataclasses import dataclass
from typing import Any

from dockgen import lint_data
from dockgen.commands.pip import normalize as normalize  # re-exported for the checks
from dockgen.errors import DockgenError
from dockgen.model import ImageRef


@dataclass(frozen=True)
class PackageFacts:
    """What a lint rule needs to know about one package from the catalog."""

    name: str
    pip: str
    musl_wheels: bool
    cpu_index: str
    gpu_pip: str  # the distribution that pulls GPU libraries, when ``pip`` names its CPU build
    gui_variants: dict[str, str]  # GUI distribution -> its headless twin
    debian_runtime: tuple[str, ...]
    wheels: bool


def _knowledge() -> dict[str, Any]:
    return lint_data.table("rules/knowledge", "python")


def requirement_name(requirement: str) -> str:
    """``torch==2.5`` -> ``torch``; ``xgboost[dask]>=2`` -> ``xgboost``; paths and URLs give ``""``."""
    if "/" in requirement or requirement.startswith((".", "-")):
        return ""
    match = re.match(r"[A-Za-z0-9][A-Za-z0-9._-]*", requirement)
    return normalize(match.group()) if match else ""


@functools.cache
def packages_by_pip_name() -> dict[str, PackageFacts]:
    """Every catalog package under each pip name it is installed by (its own, its GPU build, its GUI variants)."""
    table: dict[str, PackageFacts] = {}
    for stem, data in lint_data.tables("templates/packages").items():
        try:
            lint = data.get("lint", {})
            facts = PackageFacts(
                name=data["name"], pip=data["pip"], musl_wheels=bool(data["musl-wheels"]),
                cpu_index=data.get("cpu-index", ""), gpu_pip=data.get("gpu-pip", ""),
                gui_variants=dict(lint.get("gui-variants", {})),
                debian_runtime=tuple(data.get("system", {}).get("debian-runtime", ())), wheels=bool(data["wheels"]))
        except KeyError as error:
            raise DockgenError(f"templates/packages/{stem}.toml: broken package data: missing {error}") from error
        for name in (facts.pip, facts.gpu_pip, *facts.gui_variants, *lint.get("also-pip", ())):
            if name:
                table.setdefault(normalize(name), facts)
    return table


def package(requirement: str) -> PackageFacts | None:
    name = requirement_name(requirement)
    return packages_by_pip_name().get(name) if name else None


def pep668_from(family: str) -> str | None:
    """The first release of ``family`` with an externally managed system Python, if any."""
    value = _knowledge()["pep668"].get(family)
    return str(value) if value else None


def _matches(image: ImageRef, patterns: list[str]) -> bool:
    full = image.short_name + (f":{image.tag}" if image.tag else "")
    candidates = (image.short_name, full, f"{image.registry}/{full}" if image.registry else full)
    return any(fnmatch.fnmatchcase(candidate, pattern) for pattern in patterns for candidate in candidates)


def runs_as_non_root(image: ImageRef) -> bool:
    return _matches(image, _knowledge()["non-root-images"]["images"])


def is_gpu_image(image: ImageRef) -> bool:
    return _matches(image, _knowledge()["gpu-images"]["images"])


@functools.cache
def gpu_env_names() -> frozenset[str]:
    return frozenset(_knowledge()["gpu-images"].get("env", ()))


def build_tools(manager: str) -> frozenset[str]:
    return frozenset(_knowledge()["build-tools"].get(manager, ()))


def is_secret_path(path: str) -> bool:
    """True when a COPY/ADD source names a credentials file or folder."""
    facts = _knowledge()["secret-files"]
    parts = [part for part in path.replace("\\", "/").split("/") if part not in ("", ".")]
    if not parts or any(fnmatch.fnmatchcase(parts[-1], pattern) for pattern in facts.get("public", ())):
        return False
    if any(fnmatch.fnmatchcase(parts[-1], pattern) for pattern in facts["names"]):
        return True
    joined = "/".join(parts)
    return any(joined == folder or joined.endswith("/" + folder) or f"{folder}/" in joined + "/"
               for folder in facts["folders"])


def is_conda_installer(word: str) -> bool:
    if not word.endswith(".sh"):
        return False
    name = word.rsplit("/", 1)[-1].lower()
    return any(fnmatch.fnmatchcase(name, pattern) for pattern in _knowledge()["conda-installers"]["patterns"])


def is_conda_image(image: ImageRef) -> bool:
    return _matches(image, _knowledge()["conda-images"]["images"])


@functools.cache
def insecure_options() -> dict[str, list[str]]:
    return dict(_knowledge()["insecure"]["options"])


@functools.cache
def insecure_fragments() -> tuple[str, ...]:
    """Lower case, for matching without case."""
    return tuple(f.lower() for f in _knowledge()["insecure"]["text"]["fragments"])


@functools.cache
def insecure_env() -> dict[str, list[str]]:
    return dict(_knowledge()["insecure"]["env"])


@functools.cache
def ssh_packages() -> frozenset[str]:
    return frozenset(_knowledge()["ssh"]["packages"])


@functools.cache
def ssh_programs() -> frozenset[str]:
    return frozenset(_knowledge()["ssh"]["programs"])



def is_musl_image(image: ImageRef) -> bool:
    """Alpine and images built on it, for any architecture (``arm32v7/alpine``, ``python:3.12-alpine``)."""
    from dockgen.knowledge.images import without_arch

    facts = _knowledge()["musl-images"]
    words = (image.tag or "").lower().replace("_", "-").split("-")
    return without_arch(image).short_name in facts["names"] or any(
        word.startswith(w) for w in facts["tag-words"] for word in words)


def has_no_shell(image: ImageRef) -> bool:
    return _matches(image, _knowledge()["shell-less-images"]["images"])


@functools.cache
def dependency_installers() -> dict[str, tuple[str, ...]]:
    return {tool: tuple(verbs) for tool, verbs in _knowledge()["dependency-installers"].items()}
