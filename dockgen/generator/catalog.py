"""The generator's data: base images (``templates/bases.toml``) and packages (``templates/packages/*.toml``, read
by ``dockgen.knowledge.packages``), loaded into frozen records and validated, so templates never see raw
dictionaries."""

from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass

from packaging.specifiers import InvalidSpecifier, SpecifierSet

from dockgen._resources import data_dir
from dockgen.commands.pip import normalize as normalize  # re-exported: the generator names it from here
from dockgen.errors import DockgenError
from dockgen.knowledge import images, packages
from dockgen.knowledge.schema import Reader
from dockgen.knowledge.packages import Model as Model, Package as Package  # re-exported for the generator

# What may appear in a Dockerfile as a package name or version: nothing a shell or Dockerfile would interpret.
PACKAGE_NAME = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?")
VERSION = re.compile(r"[0-9][0-9A-Za-z.+!_-]*")
_SYSTEM_PACKAGE = re.compile(r"[a-z0-9][a-z0-9.+-]*")
_ENV_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_ENV_VALUE = re.compile(r"[A-Za-z0-9_./:-]+")  # rendered unquoted in ENV


@dataclass(frozen=True)
class Base:
    name: str
    image: str  # with {python} / {release} placeholders
    family: str  # debian | ubuntu | alpine
    releases: tuple[str, ...]
    pythons: tuple[str, ...]
    python_from: str  # image | apt | conda
    apt_python: dict[str, str]
    user: str
    managers: tuple[str, ...]
    size: str
    gpu: bool = False
    cuda: str = ""  # the CUDA version of a GPU base
    caveat: str = ""
    default_for: str = ""
    home: str = "/home/app"  # the home folder of the image's user (the one dockgen creates, or the base's own)

    def reference(self, python: str, release: str) -> str:
        return self.image.format(python=python, release=release)


@dataclass(frozen=True)
class Catalog:
    bases: dict[str, Base]
    packages: dict[str, Package]
    default_python: str
    cuda: str  # the CUDA version every GPU image targets (bases.toml explains the policy)
    cuda_driver: str  # the oldest NVIDIA driver branch that runs it
    uv: str = ""  # the uv release `--installer uv` pins (bases.toml [tools])

    def default_base(self, manager: str) -> Base:
        return next(base for base in self.bases.values() if base.default_for == manager)

    def headless(self, name: str) -> str | None:
        """The headless twin of a GUI distribution (opencv-python -> opencv-python-headless), if ``name`` is one."""
        key = normalize(name)
        return next((twin for package in self.packages.values() for gui, twin in package.gui_variants.items()
                     if normalize(gui) == key), None)

    def package(self, name: str) -> Package | None:
        key = normalize(name)
        for package in self.packages.values():
            if key in (normalize(package.name), normalize(package.pip), normalize(package.conda)):
                return package
        return None


@functools.cache
def load() -> Catalog:
    root = data_dir("templates")
    path = root / "bases.toml"
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise DockgenError(f"{path}: broken generator data: {error}") from error
    return read_catalog(text, "templates/bases.toml")


def read_catalog(bases_text: str, where: str) -> Catalog:
    """The catalog: the bases read from ``bases_text`` (``where`` names it in errors) and the shipped packages."""
    try:
        data = Reader(tomllib.loads(bases_text), where)
    except tomllib.TOMLDecodeError as error:
        raise DockgenError(f"{where}: broken generator data: {error}") from error
    bases = {base.name: base for base in map(_base, data.tables("base"))}
    tools = data.table("tools")
    uv = tools.text("uv")
    if not VERSION.fullmatch(uv):
        raise DockgenError(f"{tools.where}: uv must be a plain version, not {uv!r}")
    catalog = Catalog(bases=bases, packages={package.name: renderable(package) for package in packages.all_packages()},
                      default_python=images.recommended_python(), cuda=data.text("cuda"),
                      cuda_driver=data.text("cuda-driver"), uv=uv)
    tools.done()
    data.done()
    return catalog


def _base(entry: Reader) -> Base:
    base = Base(name=entry.text("name"), image=entry.text("image"), family=entry.text("family"),
                releases=entry.texts("releases"), pythons=entry.texts("pythons", ()),
                python_from=entry.text("python-from"), apt_python=entry.text_map("apt-python"),
                user=entry.text("user"), managers=entry.texts("managers"), size=entry.text("size"),
                gpu=entry.flag("gpu", False), cuda=entry.text("cuda", ""), caveat=entry.text("caveat", ""),
                default_for=entry.text("default-for", ""), home=entry.text("home", "/home/app"))
    entry.done()
    return base


def renderable(package: Package) -> Package:
    """The package, once its values are held to the rules for user input: the generator renders them into
    Dockerfiles, and reads ``requires_python`` with packaging."""
    where = package.source
    names = (package.name, package.pip, package.conda, *package.runtime.get("debian", ()))
    if not all(PACKAGE_NAME.fullmatch(name) for name in names):
        raise DockgenError(f"{where}: a package name has characters dockgen will not render")
    try:
        SpecifierSet(package.requires_python)
    except InvalidSpecifier:
        raise DockgenError(f"{where}: python {package.requires_python!r} is not a version range such as '>=3.10'"
                           ) from None
    for version in (package.version, *package.python_pins.values(), *([package.pip_from] if package.pip_from else [])):
        if version != "system" and not VERSION.fullmatch(version):
            raise DockgenError(f"{where}: version {version!r} is not a plain version")
    for spec in package.legacy_build_tools:
        name, _, version = spec.partition("==")
        if not PACKAGE_NAME.fullmatch(name) or not VERSION.fullmatch(version):
            raise DockgenError(f"{where}: build requirement {spec!r} is not a plain NAME==VERSION")
    if not all(VERSION.fullmatch(v) for v in package.legacy_build.values()):
        raise DockgenError(f"{where}: a legacy-build numpy version is not a plain version")
    for group in (*package.runtime.values(), *package.build.values()):
        if not all(_SYSTEM_PACKAGE.fullmatch(p) for p in group):
            raise DockgenError(f"{where}: a system package name has characters dockgen will not render")
    if "'" in package.smoke_test or "\n" in package.smoke_test:
        raise DockgenError(f"{where}: write the smoke test on one line with double quotes, so it quotes cleanly")
    if not all(_ENV_NAME.fullmatch(key) and _ENV_VALUE.fullmatch(value)
               for key, value in (*package.env.items(), *package.conda_env.items())):
        raise DockgenError(f"{where}: an environment variable name or value has characters dockgen will not render")
    return package
