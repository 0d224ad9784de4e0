"""The packages a request names, resolved to what each manager installs: one pin per project (the user's version
wins over the catalog's; two different versions are an error), a pin that installs on the target Python, the
distribution that exists for that version, and the conda spec with the user's exact version."""

from __future__ import annotations

import re
import shlex
from collections.abc import Iterable
from dataclasses import dataclass

from packaging.specifiers import SpecifierSet
from packaging.version import InvalidVersion, Version

from dockgen.errors import DockgenError
from dockgen.generator.catalog import PACKAGE_NAME, VERSION, Catalog, Package, normalize

_SPEC = re.compile(r"(?P<name>[A-Za-z0-9][A-Za-z0-9._-]*)(?:(?P<op>==|=)(?P<version>[^=].*))?")
CONDA_TINI = "tini=0.19"  # --init in a conda image: conda-forge's tini (0.19.0, its latest release)


@dataclass(frozen=True)
class Install:
    package: Package
    version: str  # the version to pin; "" for an unknown package given without one
    explicit: bool = False  # the user wrote the version
    conda_version: str = ""
    pip_name: str = ""  # the distribution pip installs
    note: str = ""  # what dockgen changed about the request, for a `# Note:`
    cuda_on_purpose: bool = False  # a distribution that pulls CUDA libraries although the image is for CPUs


def read(specs: Iterable[str], catalog: Catalog, python: str, gpu: bool) -> list[Install]:
    """The installs for the packages named on the command line, one per project, in the order first named."""
    merged: dict[str, Install] = {}
    for spec in specs:
        install = _install(spec, catalog, python, gpu)
        key = install.package.name if install.package.known else normalize(install.package.name)
        earlier = merged.get(key)
        if earlier is None or (install.explicit and not earlier.explicit):
            merged[key] = install
        elif install.explicit and earlier.explicit and install.version != earlier.version:
            raise DockgenError(f"{key} is named twice with different versions ({earlier.version} and "
                               f"{install.version}); name it once")
    return list(merged.values())


def _install(spec: str, catalog: Catalog, python: str, gpu: bool) -> Install:
    match = _SPEC.fullmatch(spec.strip())
    if match is None or not PACKAGE_NAME.fullmatch(match.group("name")):
        raise DockgenError(f"cannot read package {spec!r}: write NAME or NAME==VERSION")
    name, version = match.group("name"), match.group("version") or ""
    if version:
        if not VERSION.fullmatch(version):
            raise DockgenError(f"cannot read the version in {spec!r}: write NAME==VERSION, such as spacy==3.8.7")
        try:
            Version(version)
        except InvalidVersion:
            raise DockgenError(f"{version!r} in {spec!r} is not a valid version") from None
    notes = []
    headless = catalog.headless(name)
    if headless is not None:  # a GUI build (X11, OpenGL) in a server image: the same library without them
        notes.append(f"{name} is the GUI build, which needs X11 and OpenGL libraries a server image lacks; dockgen "
                     f"installs {headless}, the same library and version without them.")
        name = headless
    package = catalog.package(name)
    if package is None:
        package = Package(name=name, summary="", pip=name, conda=name, import_name=name.replace("-", "_"),
                          version=version, conda_version=version, requires_python=">=3", musl_wheels=True,
                          wheels=True, smoke_test="", known=False)
        return Install(package, version, bool(version), version, name, " ".join(notes))
    conda_version = version  # conda-forge has the user's exact version or nothing: never widen it
    if not version:
        version, conda_version = _default_pin(package, python, notes)
    pip_name = package.gpu_pip if gpu and package.gpu_pip else package.pip
    cuda_on_purpose = False
    if not gpu and package.pip_from and version != "system" and Version(version) < Version(package.pip_from):
        pip_name, cuda_on_purpose = package.gpu_pip, True
        notes.append(f"{package.pip} exists from version {package.pip_from} on; {package.name} {version} is "
                     f"installed as {package.gpu_pip}, which pulls GPU libraries.")
    return Install(package, version, bool(match.group("version")), conda_version, pip_name, " ".join(notes),
                   cuda_on_purpose)


def _default_pin(package: Package, python: str, notes: list[str]) -> tuple[str, str]:
    """The catalog's pin, or the per-Python pin when the catalog's version does not support ``python``."""
    supported = SpecifierSet(package.requires_python)
    if python in supported:
        return package.version, package.conda_version
    older = package.python_pins.get(python)
    if older is None:
        raise DockgenError(f"{package.name} {package.version} needs Python {supported}, and dockgen knows no "
                           f"release for Python {python}; choose another --python or pin {package.pip}==VERSION")
    notes.append(f"{package.name} {package.version} needs Python {supported}; for Python {python} dockgen pins "
                 f"{older}, the newest release that supports it (PyPI's Requires-Python).")
    return older, ".".join(older.split(".")[:2])


def pip_specs(installs: list[Install], gpu: bool, model: str | None
              ) -> tuple[tuple[str, ...], tuple[tuple[str, tuple[str, ...]], ...]]:
    """Specs for the main pip call, and (index URL, specs) for the calls with a special index."""
    specs: list[str] = []
    indexed: dict[str, list[str]] = {}
    for install in installs:
        package = install.package
        if package.pip_spec and not install.explicit:  # catalog shell on purpose (GDAL asks gdal-config)
            specs.append(package.pip_spec)
            continue
        spec = shlex.quote(f"{install.pip_name}=={install.version}" if install.version else install.pip_name)
        if package.cpu_index and not gpu:
            indexed.setdefault(package.cpu_index, []).append(spec)
        else:
            specs.append(spec)
    if model:
        specs.append(shlex.quote(model))
    return tuple(specs), tuple((url, tuple(s)) for url, s in indexed.items())


def conda_specs(installs: list[Install], gpu: bool, python: str | None, model: str | None) -> tuple[str, ...]:
    """``python`` is None when the environment file pins Python itself."""
    specs = [f"python={python}"] if python else []
    for install in installs:
        package = install.package
        # Packages with CPU and GPU builds (cpu-index) take the CUDA build string on conda-forge.
        build = "=cuda*" if gpu and package.cpu_index else ""
        version = install.conda_version
        specs.append(f"{package.conda}={version}{build}" if version else package.conda)
        specs.extend(package.conda_extra)
    if model:
        specs.append(model)
    return tuple(shlex.quote(spec) for spec in dict.fromkeys(specs))


def channels(packages: list[Package], requested: tuple[str, ...] = ()) -> tuple[str, ...]:
    """The environment file's channels in its order (conda-forge first when it has none), then the packages'."""
    ordered = [c for c in requested if c != "nodefaults"]
    if "conda-forge" not in ordered:
        ordered.insert(0, "conda-forge")
    for package in packages:
        ordered.extend(c for c in package.conda_channels if c not in ordered)
    return tuple(ordered)


@dataclass(frozen=True)
class NumpyBuild:
    """What a package that needs numpy at build and run time (GDAL) adds to the pip install."""

    first: tuple[str, ...] = ()  # installed in a pip call of their own, before the packages
    specs: tuple[str, ...] = ()  # added to the main pip call
    no_build_isolation: bool = False


def numpy_build(packages: list[Package], installs: list[Install], files: tuple[str, ...], catalog: Catalog,
                release: str, python: str) -> NumpyBuild:
    """numpy for the packages that build against it: the catalog's pin in the same pip call (the package's own
    isolated build brings numpy itself), or, on releases whose sources build the legacy way, numpy 1.x and the build
    tools first and the packages without build isolation."""
    needing = [package for package in packages if package.with_numpy]
    if not needing:
        return NumpyBuild()
    named = [i for i in installs if i.package.name == "numpy"]
    legacy = next((p for p in needing if release in p.legacy_build), None)
    if legacy is not None:
        pin = legacy.legacy_build[release]
        if named and named[0].explicit and Version(named[0].version) < Version("2"):
            pin = named[0].version
        elif named or "numpy" in (normalize(name) for name in files):
            raise DockgenError(f"on {release}, {legacy.name} builds against numpy 1.x (its sources predate numpy 2): "
                               f"name numpy=={pin} on the command line, or leave numpy out")
        if python not in SpecifierSet("<3.13"):
            raise DockgenError(f"on {release}, {legacy.name} builds against numpy {pin}, which has no wheels for "
                               f"Python {python}; use Python 3.11 or 3.12, or the trixie release")
        # The same pin in the main call keeps pip from upgrading the numpy the build compiled against.
        specs = () if named else (f"numpy=={pin}",)
        return NumpyBuild(first=(f"numpy=={pin}", *legacy.legacy_build_tools), specs=specs, no_build_isolation=True)
    if named or "numpy" in (normalize(name) for name in files):
        return NumpyBuild()  # the user's numpy serves
    numpy = catalog.packages["numpy"]
    version, _ = _default_pin(numpy, python, [])
    return NumpyBuild(specs=(f"numpy=={version}",))
