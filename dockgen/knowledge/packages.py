"""The package catalog, ``templates/packages/*.toml``: one immutable :class:`Package` per file, validated once, read
by the generator (``dockgen.catalog``) and by the lint rules (``dockgen.knowledge.python``) alike.

The files are read from the lint data index, so linting parses no TOML; every name and version is held to what
the generator may render into a Dockerfile. Standard library only: the lint path imports it. The records are typed
NamedTuples with read-only mappings rather than frozen dataclasses: as immutable, and their classes cost a cold
start of ``dockgen lint`` a fraction of what a 35-field dataclass does (annotations are evaluated here, without
``from __future__ import annotations``, because typing.NamedTuple would compile each string annotation).
"""

import functools
import re
from collections.abc import Mapping
from types import MappingProxyType
from typing import NamedTuple

from dockgen import lint_data
from dockgen.errors import DockgenError
from dockgen.knowledge.schema import Reader

# What may appear in a Dockerfile as a package name or version: nothing a shell or Dockerfile would interpret.
PACKAGE_NAME = r"[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?"
VERSION = r"[0-9][0-9A-Za-z.+!_-]*"
_SYSTEM_PACKAGE = r"[a-z0-9][a-z0-9.+-]*"
_ENV_NAME = r"[A-Za-z_][A-Za-z0-9_]*"
_ENV_VALUE = r"[A-Za-z0-9_./:-]+"  # rendered unquoted in ENV
_CLAUSE = r"(?:(?:==|!=|<=|>=|<|>)\s*[0-9]+(?:\.[0-9]+)*|~=\s*[0-9]+(?:\.[0-9]+)+)"  # what packaging accepts
_REQUIRES_PYTHON = rf"{_CLAUSE}(?:\s*,\s*{_CLAUSE})*"  # a PEP 440 specifier set, as PyPI's Requires-Python


class Model(NamedTuple):
    name: str
    pip: str
    conda: str


class Package(NamedTuple):
    name: str
    summary: str
    pip: str
    conda: str
    import_name: str
    version: str
    conda_version: str
    requires_python: str  # a specifier set (">=3.10,<3.14"); the generator reads it with packaging
    musl_wheels: bool
    wheels: bool
    smoke_test: str
    notes: tuple[str, ...] = ()
    conda_channels: tuple[str, ...] = ("conda-forge",)
    pip_spec: str = ""  # overrides name==version (GDAL matches the system library)
    gpu_pip: str = ""  # the distribution that pulls GPU libraries, when ``pip`` names its CPU build
    cpu_index: str = ""
    conda_extra: tuple[str, ...] = ()
    expose: int | None = None
    cmd: tuple[str, ...] = ()
    runtime: Mapping[str, tuple[str, ...]] = MappingProxyType({})  # family -> system packages
    build: Mapping[str, tuple[str, ...]] = MappingProxyType({})
    env: Mapping[str, str] = MappingProxyType({})
    conda_env: Mapping[str, str] = MappingProxyType({})  # what conda activation would export (conda images)
    models: Mapping[str, Model] = MappingProxyType({})
    gui_variants: Mapping[str, str] = MappingProxyType({})  # GUI distribution -> its headless twin
    also_pip: tuple[str, ...] = ()  # other pip names the lint rules know the package by
    python_pins: Mapping[str, str] = MappingProxyType({})  # Python X.Y outside ``python`` -> newest release for it
    gpu_cuda: str = ""  # the CUDA major its GPU wheels bundle
    with_numpy: bool = False  # numpy must be there when it is built and when it runs (GDAL's gdal_array)
    legacy_build: Mapping[str, str] = MappingProxyType({})  # release -> numpy pin for a build without isolation
    legacy_build_tools: tuple[str, ...] = ()  # pinned build requirements for that build
    pip_from: str = ""  # the first version of ``pip`` (xgboost-cpu); older versions install ``gpu_pip``
    known: bool = True  # False for a package dockgen has no entry for

    @property
    def debian_runtime(self) -> tuple[str, ...]:
        return self.runtime.get("debian", ())


@functools.cache
def all_packages() -> tuple[Package, ...]:
    """Every catalog package, in file-name order."""
    return tuple(read_package(data, f"templates/packages/{stem}.toml")
                 for stem, data in lint_data.tables("templates/packages").items())


def read_package(data: object, where: str) -> Package:
    """One package file's table as a validated record; ``where`` names the file in errors."""
    top = Reader(data, where)
    system, lint = top.table("system", optional=True), top.table("lint", optional=True)
    debian_runtime, debian_build = system.texts("debian-runtime", ()), system.texts("debian-build", ())
    package = Package(
        name=top.text("name"), summary=top.text("summary"), pip=top.text("pip"), conda=top.text("conda"),
        import_name=top.text("import"), version=top.text("version"), conda_version=top.text("conda-version"),
        requires_python=top.text("python"), musl_wheels=top.flag("musl-wheels"), wheels=top.flag("wheels"),
        smoke_test=top.text("smoke-test"), notes=top.texts("notes", ()),
        conda_channels=top.texts("conda-channels", ("conda-forge",)), pip_spec=top.text("pip-spec", ""),
        gpu_pip=top.text("gpu-pip", ""), cpu_index=top.text("cpu-index", ""), conda_extra=top.texts("conda-extra", ()),
        expose=top.number("expose") if top.has("expose") else None, cmd=top.texts("cmd", ()),
        runtime={"debian": debian_runtime, "ubuntu": debian_runtime, "alpine": system.texts("alpine-runtime", ())},
        build={"debian": debian_build, "ubuntu": debian_build},
        env=top.text_map("env"), conda_env=top.text_map("conda-env"), models=_models(top.table("models", True)),
        gui_variants=lint.text_map("gui-variants"), also_pip=lint.texts("also-pip", ()),
        python_pins=top.text_map("python-pins"), pip_from=top.text("pip-from", ""), gpu_cuda=top.text("gpu-cuda", ""),
        with_numpy=top.flag("with-numpy", False), legacy_build=top.text_map("legacy-build"),
        legacy_build_tools=top.texts("legacy-build-tools", ()))
    for reader in (top, system, lint):
        reader.done()
    _validate(package, where)
    return package


def _models(table: Reader) -> dict[str, Model]:
    models = {}
    for name in table.keys():
        model = table.table(name)
        models[name] = Model(name, model.text("pip"), model.text("conda"))
        model.done()
    return models


def _validate(package: Package, where: str) -> None:
    """Catalog data is rendered into Dockerfiles, so it is held to the same rules as user input."""
    names = (package.name, package.pip, package.conda, *package.runtime.get("debian", ()))
    if not all(re.fullmatch(PACKAGE_NAME, name) for name in names):
        raise DockgenError(f"{where}: a package name has characters dockgen will not render")
    if not re.fullmatch(_REQUIRES_PYTHON, package.requires_python):
        raise DockgenError(f"{where}: python {package.requires_python!r} is not a version range such as '>=3.10'")
    for version in (package.version, *package.python_pins.values(), *([package.pip_from] if package.pip_from else [])):
        if version != "system" and not re.fullmatch(VERSION, version):
            raise DockgenError(f"{where}: version {version!r} is not a plain version")
    for spec in package.legacy_build_tools:
        name, _, version = spec.partition("==")
        if not re.fullmatch(PACKAGE_NAME, name) or not re.fullmatch(VERSION, version):
            raise DockgenError(f"{where}: build requirement {spec!r} is not a plain NAME==VERSION")
    if not all(re.fullmatch(VERSION, v) for v in package.legacy_build.values()):
        raise DockgenError(f"{where}: a legacy-build numpy version is not a plain version")
    for packages in (*package.runtime.values(), *package.build.values()):
        if not all(re.fullmatch(_SYSTEM_PACKAGE, p) for p in packages):
            raise DockgenError(f"{where}: a system package name has characters dockgen will not render")
    if "'" in package.smoke_test or "\n" in package.smoke_test:
        raise DockgenError(f"{where}: write the smoke test on one line with double quotes, so it quotes cleanly")
    if not all(re.fullmatch(_ENV_NAME, key) and re.fullmatch(_ENV_VALUE, value)
               for key, value in (*package.env.items(), *package.conda_env.items())):
        raise DockgenError(f"{where}: an environment variable name or value has characters dockgen will not render")
