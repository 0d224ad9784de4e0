"""Which base a Python stage moves to, what must be added after its FROM, and which Python the new image runs."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from dockgen.commands import conda, pip, system
from dockgen.convert.source import Source, SourceStage
from dockgen.generator.catalog import Catalog
from dockgen.knowledge.images import python_eol
from dockgen.lint.model import ImageRef

_CUDA = "nvidia/cuda:12.9.1-{flavor}-ubuntu24.04"
_CUDA_PYTHON = "3.12"  # Ubuntu 24.04's python3


@dataclass(frozen=True)
class NewBase:
    image: str | None  # None: the source's base is kept
    family: str  # system package family of the new base
    setup: tuple[str, ...] = ()  # instructions right after FROM (Python from apt on CUDA images)
    note: str = ""
    release: str = ""  # the new base's distribution release (trixie, 24.04), for package names
    conda_tool: str = ""  # micromamba when conda is added to a kept base (conda-forge's Python in /opt/conda)


def choose_python(source: Source, manager: str, catalog: Catalog, today: datetime.date) -> tuple[str, str]:
    """The Python minor the new image runs, and a note when it is not the source's."""
    old = source.python.version
    offered = catalog.bases["python-slim"].pythons
    supported = [v for v in offered if (python_eol(v) or datetime.date.max) > today]
    if manager == "pip" and any(s.facts and s.facts.kind == "cuda" and not s.derived and not s.ties
                                for s in source.stages if s.python):  # a CUDA stage that moves to Ubuntu 24.04
        if old == _CUDA_PYTHON:
            return old, ""
        return _CUDA_PYTHON, (f"Python {old or 'of the source'} ({source.python.where}) becomes {_CUDA_PYTHON}, "
                              "Ubuntu 24.04's python3 on the CUDA base.")
    if old in supported:
        return old, ""
    if manager == "pip" and all(s.facts is None or s.ties for s in source.stages if s.python and not s.derived):
        return old or catalog.default_python, ""  # every Python stage keeps its base, and its Python
    if old is None:
        return catalog.default_python, (f"the source does not say which Python {source.python.where} runs; the "
                                        f"new image runs Python {catalog.default_python}. Pinned versions "
                                        "written for an older Python may not install on it: check them.")
    eol = python_eol(old)
    if eol is not None and eol <= today or _older(old, supported[0]):
        when = f" on {eol.isoformat()}" if eol else ""
        return supported[0], (f"Python {old} ({source.python.where}) reached end of life{when}; the new image runs "
                              f"Python {supported[0]}, the oldest supported release. Pinned versions that predate "
                              "it may not install: check them.")
    return supported[-1], f"Python {old} is newer than dockgen's bases offer; the new image runs {supported[-1]}."


def _older(version: str, than: str) -> bool:
    return tuple(int(p) for p in version.split(".")) < tuple(int(p) for p in than.split("."))


def new_base(stage: SourceStage, manager: str, python: str, final: bool, catalog: Catalog) -> NewBase:
    facts = stage.facts
    if manager == "conda":
        return _conda_base(stage, python, catalog)
    if facts is None:
        return NewBase(None, "", note=f"FROM {stage.base.raw} is kept: dockgen does not know what that image "
                                      "provides, so it only optimizes the installs on top of it.")
    if stage.ties:
        return NewBase(None, "", note=f"FROM {stage.base.raw} is kept: the stage uses its distribution's own "
                                      f"package repositories or tools ({stage.ties}), which another base would not "
                                      "have, so dockgen only optimizes the installs on top of it.")
    if facts.kind == "cuda":
        flavor = _cuda_flavor(stage.base.tag or "", stage.compiles)
        setup = ("ARG DEBIAN_FRONTEND=noninteractive",
                 "RUN apt-get update \\\n    && apt-get install -y --no-install-recommends python3 python3-venv"
                 f"{' python3-dev' if 'devel' in flavor else ''} \\\n    && rm -rf /var/lib/apt/lists/*",
                 "RUN python3 -m venv /opt/venv",
                 "ENV PATH=/opt/venv/bin:$PATH")
        image = _CUDA.format(flavor=flavor)
        slimmed = (" It is the runtime variant: nothing in the stage (or a stage built on it) compiles, and nvcc, "
                   "headers and static libraries are only in devel; if code compiles at run time, use devel."
                   if "devel" in (stage.base.tag or "").split("-") and "devel" not in flavor else "")
        return NewBase(image, "apt", setup, release="24.04",
                       note=f"{stage.base.raw} becomes {image}: wheels built for the old CUDA bring their own "
                            f"CUDA libraries; code compiled in the image builds against CUDA 12.9.{slimmed}")
    if facts.family == "apk":
        base = catalog.bases["python-alpine"]
        return NewBase(base.reference(python, base.releases[0]), "apk", release=base.releases[0])
    base = catalog.bases["python-slim"]
    image = base.reference(python, base.releases[0])
    full = facts.kind == "python" and not re.search(r"slim|alpine", stage.base.tag or "")
    if full and not final:
        image = image.replace("-slim-", "-")  # a build stage keeps the full image's compilers and headers
    note = (f"{stage.base.raw} is a full image (compilers, headers, git, curl); the final stage moves to {image}: "
            "programs the stage calls are installed first, but a package pip must compile from source needs "
            "build-essential added." if full and final and stage.base.short_name == "python" else "")
    return NewBase(image, "apt", release=base.releases[0], note=note)


def _cuda_flavor(tag: str, compiles: bool) -> str:
    words = tag.split("-")
    cudnn = "cudnn" in " ".join(words)
    flavor = "devel" if compiles else "runtime" if {"devel", "runtime"} & set(words) or cudnn else "base"
    return f"cudnn-{flavor}" if cudnn and flavor != "base" else flavor


def _conda_base(stage: SourceStage, python: str, catalog: Catalog) -> NewBase:
    family = _command_family(stage)
    if stage.facts is None and family in ("apt", "rpm"):
        return _conda_in_place(stage, python, catalog, family or "apt",
                               "dockgen does not know what that image provides, so it keeps it, as the pip variant "
                               "does")
    base = _conda_image(stage, python, catalog)
    if not stage.ties:
        return base
    if stage.facts is not None and stage.facts.family in ("apt", "rpm") and stage.facts.kind != "cuda":
        return _conda_in_place(stage, python, catalog, stage.facts.family,
                               f"the stage uses its distribution's own package repositories or tools ({stage.ties}), "
                               "which another base would not have")
    note = (f"{stage.base.raw}'s stage uses its distribution's own package repositories or tools ({stage.ties}); "
            f"on {base.image} they may not exist: check them.")
    return NewBase(base.image, base.family, base.setup, note=f"{base.note} {note}".strip(), release=base.release)


def _conda_image(stage: SourceStage, python: str, catalog: Catalog) -> NewBase:
    name = "micromamba" if stage.base.short_name == "mambaorg/micromamba" else "miniforge"
    base = catalog.bases[name]
    tool = "micromamba" if name == "micromamba" else "conda"
    target = " --name base" if tool == "micromamba" else ""
    packages = " ".join(dict.fromkeys(_conda_name(p, catalog) for p in (stage.facts.provides if stage.facts
                                                                          else ())))
    setup: tuple[str, ...] = (f"RUN {tool} install --yes{target} --override-channels -c conda-forge python={python}"
                              f"{' ' + packages if packages else ''} \\\n    && {tool} clean --all --yes",)
    note = ""
    if stage.facts and stage.facts.kind == "cuda":
        setup = (_gpu_environment(stage.base), *setup)
        note = (f"{stage.base.raw} is a CUDA image; {base.image.split(':')[0]} has no CUDA toolkit: CUDA libraries "
                "come with the conda-forge packages that need them, and code compiled with nvcc needs conda-forge's "
                "cuda-nvcc (with cuda-version) added to the install.")
    elif stage.facts is None:
        note = (f"FROM {stage.base.raw} becomes {base.image.split(':')[0]}: dockgen does not know that image, so "
                "whatever it brought (programs, libraries, users, its command) is not in the new one; check the "
                "steps that rely on it.")
    return NewBase(base.reference(python, base.releases[0]), "apt", setup, note, base.releases[0])


def _conda_in_place(stage: SourceStage, python: str, catalog: Catalog, family: str, why: str) -> NewBase:
    """A stage whose base must stay (tied to its distribution, or an image dockgen does not know) gets conda-forge's
    Python in /opt/conda from micromamba: one static binary, so it runs on any glibc distribution."""
    image = catalog.bases["micromamba"].image
    runs_as_user, owner, others = _base_user(stage)
    install = (f"RUN micromamba install --yes --name base --override-channels -c conda-forge python={python} \\\n"
               "    && micromamba clean --all --yes" + (f" \\\n    && chown -R {owner} /opt/conda" if owner else ""))
    setup = (f"# conda-forge's Python in /opt/conda, installed by micromamba (a static binary) on the image's own\n"
             f"# distribution, first on PATH.\nCOPY --from={image} /bin/micromamba /usr/local/bin/micromamba",
             "ENV MAMBA_ROOT_PREFIX=/opt/conda \\\n    PATH=/opt/conda/bin:$PATH",
             *(["# The base image runs as another user (the Dockerfile switches to root): root (UID 0) installs\n"
                "# Python.\nUSER 0"] if runs_as_user else []),
             install)
    note = (f"FROM {stage.base.raw} is kept: {why}; conda-forge's Python {python} goes into /opt/conda with "
            f"micromamba, copied from {image}, and is first on PATH"
            + (f", owned by {owner}, the base image's user that runs the Dockerfile's installs." if owner else ".")
            + (f" The Dockerfile installs packages as {', '.join(others)}, which cannot write to root's /opt/conda: "
               "give that user /opt/conda (chown) before its installs." if others else ""))
    return NewBase(None, family, setup, note, conda_tool="micromamba")


def _base_user(stage: SourceStage) -> tuple[bool, str, tuple[str, ...]]:
    """Whether the kept base runs as a user other than root (the stage's first USER is root: it switches away from
    the image's user), and the base image's user that runs the stage's pip or conda installs ("" for root or a user
    the Dockerfile creates: /opt/conda stays root's), and the other users that install."""
    first: str | None = None
    current = ""
    created: set[str] = set()
    installers: list[str] = []
    self_managed = False  # the Dockerfile gives /opt/conda to its users itself (chmod, chown)
    for instruction in stage.stage.instructions:
        if instruction.keyword == "USER":
            current = instruction.args.split(":")[0].strip()
            first = current if first is None else first
        for command in instruction.commands:
            if command.name in ("useradd", "adduser") and command.args:
                created.add(command.args[-1])
            elif command.name in ("chmod", "chown") and any(a.startswith("/opt/conda") for a in command.args):
                self_managed = True
            elif current not in ("", "root", "0") and (pip.is_pip_install(command) or (
                    conda.installs(command) and set(conda.packages(command)) - {"conda", "mamba"})):
                installers.append(current)
    if self_managed:
        return first in ("root", "0"), "", ()
    owner = next((user for user in installers if user not in created and re.fullmatch(r"[\w.-]+", user)), "")
    return first in ("root", "0"), owner, tuple(dict.fromkeys(user for user in installers if user != owner))


def _command_family(stage: SourceStage) -> str | None:
    """The package family a stage's own commands use (apt-get, dnf, apk): what its unknown base must be."""
    for instruction in stage.stage.instructions:
        for command in instruction.commands:
            found = system.system_command(command)
            if found is not None:
                return found.family
    return None


def _gpu_environment(base: ImageRef) -> str:
    """What the CUDA image gave a conda stage: the variables that ask the NVIDIA container toolkit for the GPUs,
    and its CUDA version, which conda must be told on a build host without a GPU to choose CUDA builds."""
    tag = base.tag or ""
    version = re.search(r"cuda(\d+\.\d+)", tag) or (re.match(r"(\d+\.\d+)", tag) if "cuda" in base.name else None)
    override = f" \\\n    CONDA_OVERRIDE_CUDA={version.group(1)}" if version else ""
    return (f"# NVIDIA_* ask the NVIDIA container toolkit for the GPUs, as {base.raw} did."
            + ("\n# CONDA_OVERRIDE_CUDA makes conda choose CUDA builds on a build host without a GPU." if version
               else "")
            + "\nENV NVIDIA_VISIBLE_DEVICES=all \\\n    NVIDIA_DRIVER_CAPABILITIES=compute,utility" + override)


def _conda_name(pip_name: str, catalog: Catalog) -> str:
    package = catalog.package(pip_name)
    if package is None:
        return pip_name
    return f"{package.conda}={package.conda_version}" if package.conda_version else package.conda
