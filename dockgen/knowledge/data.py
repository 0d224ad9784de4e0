"""The files of ``rules/knowledge/``, each read by one cached function into immutable records and validated: a
missing or unknown key or a value of the wrong type is a DockgenError that names the file and the key. Read from
the lint data index on first use, never at import; standard library only, since the lint path imports it.

A file's own record and the entries only this package reads are typed NamedTuples, not dataclasses: they are as
immutable, and creating their classes costs a tenth as much, which every cold start of ``dockgen lint`` pays
(annotations are evaluated, without ``from __future__ import annotations``, for the same reason as in
``dockgen.knowledge.packages``)."""

import datetime
import functools
from collections.abc import Mapping
from dataclasses import dataclass
from typing import NamedTuple

from dockgen.errors import DockgenError
from dockgen.knowledge.schema import Reader
from dockgen.lint import lint_data


@dataclass(frozen=True, slots=True)
class Release:
    family: str
    version: str
    codename: str | None
    eol: datetime.date
    note: str

    @property
    def title(self) -> str:
        family = {"centos": "CentOS", "rockylinux": "Rocky Linux"}.get(self.family, self.family.capitalize())
        return f"{family} {self.version}" + (f" ({self.codename})" if self.codename else "")


class Lifecycle(NamedTuple):
    """``lifecycle.toml``: end-of-life dates of Python versions and of distribution releases."""

    python: Mapping[str, datetime.date]
    releases: tuple[Release, ...]


@dataclass(frozen=True, slots=True)
class Deprecation:
    image: str
    reason: str
    replacement: str


class Bloated(NamedTuple):
    """An image with a smaller variant: ``kind`` says how to find it (slim, replace, cuda-runtime)."""

    image: str
    kind: str
    final_stage_only: bool
    replacement: str
    size: str
    smaller_size: str
    why: str


class Images(NamedTuple):
    """``images.toml``: what the base-image rules know about images by name."""

    python_images: frozenset[str]
    recommended_python: str
    arch_prefixes: frozenset[str]
    windows_tag_words: frozenset[str]
    python_windows: str  # the Windows tag of a python image, with a {python} placeholder
    distro_images: Mapping[str, str]  # image -> distribution family
    deprecated: tuple[Deprecation, ...]
    bloated: tuple[Bloated, ...]
    conda_forge_only_images: tuple[str, ...]
    defaults_channels: frozenset[str]
    conda_forge_installers: tuple[str, ...]
    eol_replacement: Mapping[str, str]


class Interpreters(NamedTuple):
    """``interpreters.toml``: Python outside ``python:`` images."""

    python2_packages: Mapping[str, frozenset[str]]  # package manager -> packages that install Python 2
    alpine_py_pip_python3_from: str
    versioned_python_images: tuple[str, ...]
    floating_tags: Mapping[str, frozenset[str]]


class PythonFacts(NamedTuple):
    """``python.toml``: facts for the DG2xx-DG5xx rules."""

    pep668: Mapping[str, str]
    non_root_images: tuple[str, ...]
    musl_names: frozenset[str]
    musl_tag_words: tuple[str, ...]
    shell_less_images: tuple[str, ...]
    dependency_installers: Mapping[str, tuple[str, ...]]
    gpu_images: tuple[str, ...]
    gpu_env: frozenset[str]
    build_tools: Mapping[str, frozenset[str]]
    secret_names: tuple[str, ...]  # file name patterns of credentials
    secret_folders: tuple[str, ...]
    secret_public: tuple[str, ...]  # names that look like credentials and are not (``*.pub``)
    conda_installers: tuple[str, ...]
    conda_images: tuple[str, ...]
    insecure_options: Mapping[str, tuple[str, ...]]
    insecure_fragments: tuple[str, ...]
    insecure_env: Mapping[str, tuple[str, ...]]
    ssh_packages: frozenset[str]
    ssh_programs: frozenset[str]


class Secrets(NamedTuple):
    """``secrets.toml``: the ARG/ENV names hadolint's DL3064 takes for secrets."""

    names: frozenset[str]
    fragments: tuple[str, ...]


def _file(stem: str) -> Reader:
    return Reader(lint_data.table("rules/knowledge", stem), f"rules/knowledge/{stem}.toml")


def _finish(*readers: Reader) -> None:
    for reader in readers:
        reader.done()


@functools.cache
def lifecycle() -> Lifecycle:
    top = _file("lifecycle")
    table = top.table("python")
    python = {version: table.date(version) for version in table.keys()}
    releases = []
    for entry in top.tables("release"):
        releases.append(Release(entry.text("family"), entry.text("version"),
                                entry.text("codename") if entry.has("codename") else None,
                                entry.date("eol"), entry.text("note", "")))
        entry.done()
    _finish(top, table)
    return Lifecycle(python, tuple(releases))


@functools.cache
def images() -> Images:
    top = _file("images")
    conda, distros, replacements = top.table("conda"), top.table("distro-images"), top.table("eol-replacement")
    deprecated = []
    for entry in top.tables("deprecated"):
        deprecated.append(Deprecation(entry.text("image"), " ".join(entry.text("reason").split()),
                                      entry.text("replacement")))
        entry.done()
    found = Images(
        python_images=frozenset(top.texts("python-images")), recommended_python=top.text("recommended-python"),
        arch_prefixes=frozenset(top.texts("arch-prefixes")),
        windows_tag_words=frozenset(top.texts("windows-tag-words")),
        python_windows=top.text("python-windows"),
        distro_images={name: distros.text(name) for name in distros.keys()}, deprecated=tuple(deprecated),
        bloated=tuple(_bloated(entry) for entry in top.tables("bloated")),
        conda_forge_only_images=conda.texts("conda-forge-only-images"),
        defaults_channels=frozenset(conda.texts("defaults-channels")),
        conda_forge_installers=conda.texts("conda-forge-installers"),
        eol_replacement={key: replacements.text(key) for key in replacements.keys()})
    _finish(top, conda, distros, replacements)
    return found


def _bloated(entry: Reader) -> Bloated:
    kind = entry.text("kind")
    if kind not in ("slim", "replace", "cuda-runtime"):
        raise DockgenError(f"{entry.where}: kind must be slim, replace or cuda-runtime, not {kind!r}")
    found = Bloated(entry.text("image"), kind, entry.flag("final-stage-only", False),
                    entry.text("replacement") if kind == "replace" else entry.text("replacement", ""),
                    entry.text("size"), entry.text("smaller-size"), entry.text("why"))
    entry.done()
    return found


@functools.cache
def interpreters() -> Interpreters:
    top = _file("interpreters")
    python2, versioned, floating = (top.table("python2-packages"), top.table("versioned-python-images"),
                                    top.table("floating-tags"))
    alpine_from = python2.text("alpine-py-pip-python3-from")
    found = Interpreters(
        python2_packages={family: frozenset(python2.texts(family))
                          for family in python2.keys() if family != "alpine-py-pip-python3-from"},
        alpine_py_pip_python3_from=alpine_from, versioned_python_images=versioned.texts("patterns"),
        floating_tags={family: frozenset(floating.texts(family)) for family in floating.keys()})
    _finish(top, python2, versioned, floating)
    return found


@functools.cache
def python() -> PythonFacts:
    top = _file("python")
    pep668, musl, gpu, secret_files = (top.table("pep668"), top.table("musl-images"), top.table("gpu-images"),
                                       top.table("secret-files"))
    insecure, ssh = top.table("insecure"), top.table("ssh")
    non_root, shell_less, conda_installers, conda_images, text = (
        top.table("non-root-images"), top.table("shell-less-images"), top.table("conda-installers"),
        top.table("conda-images"), insecure.table("text"))
    found = PythonFacts(
        pep668={family: pep668.text(family) for family in pep668.keys()},
        non_root_images=non_root.texts("images"), musl_names=frozenset(musl.texts("names")),
        musl_tag_words=musl.texts("tag-words"), shell_less_images=shell_less.texts("images"),
        dependency_installers=top.texts_map("dependency-installers"), gpu_images=gpu.texts("images"),
        gpu_env=frozenset(gpu.texts("env", ())),
        build_tools={manager: frozenset(tools) for manager, tools in top.texts_map("build-tools").items()},
        secret_names=secret_files.texts("names"), secret_folders=secret_files.texts("folders"),
        secret_public=secret_files.texts("public", ()),
        conda_installers=conda_installers.texts("patterns"), conda_images=conda_images.texts("images"),
        insecure_options=insecure.texts_map("options"), insecure_fragments=text.texts("fragments"),
        insecure_env=insecure.texts_map("env"),
        ssh_packages=frozenset(ssh.texts("packages")), ssh_programs=frozenset(ssh.texts("programs")))
    _finish(top, pep668, musl, gpu, secret_files, insecure, ssh, non_root, shell_less, conda_installers, conda_images,
            text)
    return found


@functools.cache
def secrets() -> Secrets:
    top = _file("secrets")
    found = Secrets(frozenset(top.texts("names")), top.texts("fragments"))
    top.done()
    return found
