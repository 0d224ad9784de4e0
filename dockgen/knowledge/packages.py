"""The package catalog, ``templates/packages/*.toml``: one immutable :class:`Package` per file, validated once, read
by the generator (``dockgen.generator.catalog``) and by the lint rules (``dockgen.knowledge.python``) alike.

The files are read from the lint data index, so linting parses no TOML. What only the generator needs of the values
(names and versions it may render into a Dockerfile, a Python range packaging can read) is checked by
``dockgen.generator.catalog`` when it loads them, so linting compiles none of those patterns. Standard library only:
the lint path imports it. The records are typed
NamedTuples with read-only mappings rather than frozen dataclasses: as immutable, and their classes cost a cold
start of ``dockgen lint`` a fraction of what a 35-field dataclass does (annotations are evaluated here, without
``from __future__ import annotations``, because typing.NamedTuple would compile each string annotation).
"""

import functools
from collections.abc import Mapping
from types import MappingProxyType
from typing import NamedTuple

from dockgen.knowledge.schema import Reader
from dockgen.lint import lint_data

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
    requires_python: str  # a specifier set (">=3.10,<3.14"); the generator reads and checks it with packaging
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
    source: str = ""  # the data file it was read from, for messages

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
        legacy_build_tools=top.texts("legacy-build-tools", ()), source=where)
    for reader in (top, system, lint):
        reader.done()
    return package


def _models(table: Reader) -> dict[str, Model]:
    models = {}
    for name in table.keys():
        model = table.table(name)
        models[name] = Model(name, model.text("pip"), model.text("conda"))
        model.done()
    return models

