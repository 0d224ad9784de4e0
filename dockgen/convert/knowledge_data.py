"""``templates/knowledge/convert.toml`` read once into typed, immutable records, with errors that name the file,
the table and the key (a misspelt key is an error, not a fact that silently never applies)."""

from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass
from types import MappingProxyType
from typing import Mapping, TypeVar

from dockgen._resources import data_dir
from dockgen.errors import DockgenError
from dockgen.knowledge.schema import Reader

FAMILIES = ("apt", "apk", "rpm")
_K = TypeVar("_K")
_V = TypeVar("_V")


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


@dataclass(frozen=True)
class KnownImage:
    pattern: str  # shell-style, on the image name without tag
    facts: ImageFacts  # its family is "" when ``family_from_tag``
    family_from_tag: bool = False  # apk when the tag says alpine, else apt


@dataclass(frozen=True)
class AptSuccessor:
    to: tuple[str, ...]  # the package(s) that do the job now (none: nothing is needed)
    gone_from: tuple[str, ...]  # the releases on which the old name installs nothing


@dataclass(frozen=True)
class CondaToPip:
    build_selectors: frozenset[str]
    tools: Mapping[str, str]  # conda package -> the Debian package that brings the program
    same_on_pypi: frozenset[str]
    renamed: Mapping[str, str]  # conda name -> PyPI name ("" : nothing to install)


@dataclass(frozen=True)
class ConvertData:
    images: tuple[KnownImage, ...]  # first match wins
    distro_python: Mapping[str, str]  # "ubuntu:20.04" -> "3.8"
    python_provision: Mapping[str, tuple[str, ...]]  # family -> patterns of packages that only bring Python
    python2: Mapping[str, tuple[str, ...]]
    library_prefixes: Mapping[str, tuple[str, ...]]  # family -> prefixes of its Python library packages
    library_pypi: Mapping[str, str]  # library name after the prefix -> PyPI name ("" : none worth installing)
    same_system_names: frozenset[str]
    system_names: Mapping[str, Mapping[str, tuple[str, ...]]]  # apt name -> family -> its name(s) there
    debian_renamed: Mapping[str, AptSuccessor]
    debian_replaced: Mapping[str, AptSuccessor]
    system_drop: Mapping[str, frozenset[str]]
    conda_to_pip: CondaToPip
    programs: Mapping[str, Mapping[str, str]]  # program -> family -> package that brings it ("" : none)
    base_programs: Mapping[str, tuple[str, ...]]


@functools.cache
def convert_data() -> ConvertData:
    path = data_dir("templates") / "knowledge" / "convert.toml"
    try:
        return read_convert_data(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise DockgenError(f"{path}: broken converter data: {error}") from error


def read_convert_data(text: str, where: str = "templates/knowledge/convert.toml") -> ConvertData:
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise DockgenError(f"{where}: broken converter data: {error}") from error
    root = Reader(raw, where)
    libraries = root.table("distro-python-libraries")
    data = ConvertData(
        images=tuple(_image(entry) for entry in root.tables("image")),
        distro_python=_frozen(root.text_map("distro-python")),
        python_provision=_frozen(root.texts_map("python-provision")),
        python2=_frozen(root.texts_map("python2")),
        library_prefixes=_frozen({family: libraries.texts(family) for family in FAMILIES}),
        library_pypi=_frozen(libraries.text_map("pypi")),
        same_system_names=_names(root.table("same-system-names")),
        system_names=_system_names(root.table("system-names")),
        debian_renamed=_successors(root.table("debian-renamed")),
        debian_replaced=_successors(root.table("debian-replaced")),
        system_drop=_frozen({family: frozenset(names) for family, names in root.texts_map("system-drop").items()}),
        conda_to_pip=_conda_to_pip(root.table("conda-to-pip")),
        programs=_programs(root.table("programs")),
        base_programs=_frozen(root.texts_map("base-programs")),
    )
    libraries.done()
    root.done()
    return data


def _image(entry: Reader) -> KnownImage:
    kind = entry.text("kind")
    family = entry.text("family", "" if kind == "windows" else None)  # Windows images have no Linux family
    if family not in (*FAMILIES, "tag") and kind != "windows":
        raise DockgenError(f"{entry.where}: family must be one of apt, apk, rpm or tag, not {family!r}")
    facts = ImageFacts(kind, "" if family == "tag" else family, entry.texts("provides", ()), entry.text("note", ""),
                       entry.flag("conda-based", kind == "conda"), entry.texts("channels", ()),
                       tuple(entry.text_map("environment").items()), _account(entry),
                       entry.text("workdir", ""), tuple(entry.text_map("runtime-environment").items()),
                       entry.texts("command", ()), entry.texts("expose", ()))
    found = KnownImage(entry.text("pattern"), facts, family == "tag")
    entry.done()
    return found


def _account(entry: Reader) -> Account | None:
    if not entry.has("account"):
        return None
    table = entry.table("account")
    account = Account(table.text("name"), table.number("uid"), table.number("gid"), table.text("home"),
                      table.texts("folders", ()))
    table.done()
    return account


def _names(table: Reader) -> frozenset[str]:
    names = frozenset(table.texts("names"))
    table.done()
    return names


def _system_names(table: Reader) -> Mapping[str, Mapping[str, tuple[str, ...]]]:
    """Each family's name(s) for an apt package; a string value may name several packages, space-separated
    (``gcc gcc-c++ make``), a list gives alternatives, the first preferred."""
    found: dict[str, Mapping[str, tuple[str, ...]]] = {}
    for apt_name in table.keys():
        entry = table.table(apt_name)
        found[apt_name] = _frozen({family: entry.alternatives(family) for family in entry.keys()})
        entry.done()
    return _frozen(found)


def _successors(table: Reader) -> Mapping[str, AptSuccessor]:
    found: dict[str, AptSuccessor] = {}
    for name in table.keys():
        entry = table.table(name)
        found[name] = AptSuccessor(tuple(entry.text("to").split()), entry.texts("gone-from"))
        entry.done()
    return _frozen(found)


def _conda_to_pip(table: Reader) -> CondaToPip:
    found = CondaToPip(frozenset(table.texts("build-selectors")), _frozen(table.text_map("tools")),
                       frozenset(table.texts("same-on-pypi")), _frozen(table.text_map("renamed")))
    table.done()
    return found


def _programs(table: Reader) -> Mapping[str, Mapping[str, str]]:
    found: dict[str, Mapping[str, str]] = {}
    for program in table.keys():
        found[program] = _frozen(table.text_map(program))
    return _frozen(found)


def _frozen(mapping: dict[_K, _V]) -> Mapping[_K, _V]:
    return MappingProxyType(mapping)
