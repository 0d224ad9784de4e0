"""What the user asked for, checked against the catalog and resolved into a ``Recipe`` the templates render.

Every value that reaches a template is either catalog data (validated when loaded) or user input validated here:
package names and versions must be plain (PEP 508 names, PEP 440-ish versions), paths and commands must not carry
newlines or Dockerfile variables, and everything is shell- or JSON-quoted by the templates on top of that.
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Iterable
from dataclasses import dataclass

from packaging.markers import Marker

from dockgen.errors import DockgenError
from dockgen.files.inputs import EnvironmentFile, LockFile, RequirementsFile
from dockgen.generator import installs as installing
from dockgen.generator.catalog import Base, Catalog, Package, normalize

CONTAINER_UID = "10001"
_COPY_PATH = re.compile(r"[A-Za-z0-9._/@+ -]+")


@dataclass(frozen=True)
class Request:
    packages: tuple[str, ...] = ()
    manager: str = "pip"
    base: str | None = None
    python: str | None = None
    gpu: bool = False
    requirements: RequirementsFile | None = None
    environment: EnvironmentFile | None = None
    copies: tuple[str, ...] = ()  # SRC:DEST
    cmd: str | None = None
    model: str | None = None
    origin: tuple[str, ...] = ()  # notes about the Dockerfile this one replaces (--from)
    cache: bool = False  # BuildKit cache mounts instead of cache-free installs
    installer: str = "pip"  # pip or uv (the pip manager's installer)
    init: bool = False  # tini as PID 1
    lock: LockFile | None = None  # --lock: the hash-pinned requirements to install instead


@dataclass(frozen=True)
class Recipe:
    manager: str
    base: Base
    image: str
    python: str
    release: str
    pip_specs: tuple[str, ...]  # pinned and shell-quoted, for one `pip install`
    index_specs: tuple[tuple[str, tuple[str, ...]], ...]  # (index URL, specs) installed first
    conda_specs: tuple[str, ...]  # pinned and shell-quoted
    conda_channels: tuple[str, ...]
    runtime_packages: tuple[str, ...]
    build_packages: tuple[str, ...]
    compile: bool  # a build stage with a venv is needed
    env: tuple[tuple[str, str], ...]
    smoke_tests: tuple[str, ...]
    copies: tuple[tuple[str, str], ...]
    cmd: tuple[str, ...]
    expose: tuple[int, ...]
    notes: tuple[str, ...]
    unpinned: tuple[str, ...]  # unknown packages without a version (rendered with a pragma)
    cuda_on_purpose: tuple[str, ...] = ()  # distributions that pull CUDA into a CPU image (rendered with a pragma)
    build_first: tuple[str, ...] = ()  # pinned build requirements installed before the packages (GDAL's numpy)
    no_build_isolation: bool = False  # the packages build against what is installed (build_first)
    requirements: str | None = None  # file name in the build context
    environment: str | None = None
    gpu: bool = False
    cuda: str = ""  # the CUDA version a GPU image targets
    command_line: str = ""
    cache: bool = False
    installer: str = "pip"
    uv_version: str = ""  # the uv release installed with --installer uv
    init: bool = False
    require_hashes: bool = False  # installs from a hash-pinned lock file

    @property
    def uid(self) -> str:
        return self.base.user if self.base.user != "root" else CONTAINER_UID

    @property
    def home(self) -> str:
        return self.base.home

    @property
    def venv(self) -> bool:
        return self.compile or self.base.python_from == "apt"


def resolve(request: Request, catalog: Catalog) -> Recipe:
    if request.manager not in ("pip", "conda"):
        raise DockgenError(f"unknown manager {request.manager!r}: choose pip or conda")
    if request.manager == "pip" and request.environment is not None:
        raise DockgenError("--env environment.yml goes with --manager conda; with pip use -r requirements.txt")
    if request.manager == "conda" and request.requirements is not None:
        raise DockgenError("-r requirements.txt goes with --manager pip; with conda use --env environment.yml")
    _check_options(request)
    base = _base(request, catalog)
    release, image_python = _release_and_python(request, base, catalog)
    image_python = _environment_python(request, image_python)
    installs = installing.read(request.packages, catalog, image_python, request.gpu)
    files = _file_packages(request, catalog, image_python)
    if not installs and request.requirements is None and request.environment is None:
        raise DockgenError("name at least one package, or give -r requirements.txt / --env environment.yml")
    if request.requirements and request.requirements.hashed and (installs or request.model):
        raise DockgenError(f"{request.requirements.name} uses hashes, so pip requires a hash for every package it "
                           "installs; add the packages (and model) to the file instead of the command line")
    _check_named_once(installs, request.requirements, catalog)
    known = [i.package for i in installs if i.package.known] + files
    _check_constraints(known, base, request)
    if request.gpu:
        _check_cuda(known, catalog.cuda)
    model_specs = _model(request, known)
    notes = [*request.origin, *(i.note for i in installs),
             *(note for package in _unique(known) for note in package.notes)]
    if base.caveat:
        notes.append(f"{base.name}: {base.caveat}.")
    if request.gpu:
        notes.append(f"GPU images target CUDA {catalog.cuda} (the CUDA of PyPI's GPU wheels): the host needs an NVIDIA "
                     f"driver {catalog.cuda_driver} or newer.")
    unpinned = tuple(i.package.name for i in installs if not i.version)
    if unpinned:
        notes.append(f"dockgen has no data on {', '.join(unpinned)}: it is installed unpinned and without system "
                     "libraries or a smoke test; pin it with NAME==VERSION.")
    pip_specs, index_specs = installing.pip_specs(installs, request.gpu, model_specs[0] if model_specs else None)
    compile_needed = request.manager == "pip" and any(not p.wheels for p in known)
    numpy_build = installing.numpy_build(
        known, installs, request.requirements.names if request.requirements else (), catalog, release, image_python
    ) if compile_needed else installing.NumpyBuild()
    family = base.family
    conda = request.manager == "conda"
    environment = request.environment
    return Recipe(
        manager=request.manager, base=base, image=base.reference(image_python, release), python=image_python,
        release=release, pip_specs=(*pip_specs, *numpy_build.specs), index_specs=index_specs,
        build_first=numpy_build.first, no_build_isolation=numpy_build.no_build_isolation,
        conda_specs=installing.conda_specs(installs, request.gpu, None if environment and environment.python
                                           else image_python, model_specs[1] if model_specs else None)
        + ((installing.CONDA_TINI,) if request.init else ()) if conda else (),
        conda_channels=installing.channels(known, environment.channels if environment else ()) if conda else (),
        runtime_packages=_unique_strings(p for package in known for p in package.runtime.get(family, ()))
        if request.manager == "pip" else (),
        build_packages=_unique_strings(p for package in known if not package.wheels
                                       for p in package.build.get(family, ())),
        compile=compile_needed,
        env=tuple(sorted({**_gpu_env(request, base), **{k: v for package in known for k, v in package.env.items()},
                          **{k: v for package in known if conda for k, v in package.conda_env.items()}}.items())),
        smoke_tests=_unique_strings(package.smoke_test for package in known),
        copies=tuple(_copy(text) for text in request.copies),
        cmd=_cmd(request, known), expose=tuple(sorted({p.expose for p in known if p.expose})),
        notes=_unique_strings(notes), unpinned=unpinned,
        cuda_on_purpose=tuple(i.pip_name for i in installs if i.cuda_on_purpose),
        requirements=request.requirements.name if request.requirements else None,
        environment=environment.name if environment else None,
        gpu=request.gpu, cuda=catalog.cuda if request.gpu else "", command_line=_command_line(request),
        cache=request.cache, installer=request.installer, init=request.init,
        uv_version=catalog.uv if request.installer == "uv" else "",
    )


def _check_options(request: Request) -> None:
    if request.installer not in ("pip", "uv"):
        raise DockgenError(f"unknown installer {request.installer!r}: choose pip or uv")
    if request.installer == "uv" and request.manager != "pip":
        raise DockgenError("--installer uv installs PyPI packages and goes with --manager pip; conda images install "
                           "with micromamba or conda")


def _gpu_env(request: Request, base: Base) -> dict[str, str]:
    """A GPU build on a base without CUDA: the NVIDIA container toolkit's variables say the image wants GPUs (and
    tell DG203 the CUDA wheels are meant)."""
    if not request.gpu or base.gpu:
        return {}
    return {"NVIDIA_VISIBLE_DEVICES": "all", "NVIDIA_DRIVER_CAPABILITIES": "compute,utility"}


def _base(request: Request, catalog: Catalog) -> Base:
    if request.base is None:
        return catalog.default_base(request.manager)
    chosen = catalog.bases.get(request.base)
    if chosen is None:
        chosen = next((b for b in catalog.bases.values() if _image_match(b, request.base)), None)
    if chosen is None:
        known = ", ".join(catalog.bases)
        raise DockgenError(f"unknown base {request.base!r}: choose one of {known} (see `dockgen catalog`)")
    if request.manager not in chosen.managers:
        raise DockgenError(f"base {chosen.name} does not serve --manager {request.manager}")
    return chosen


def _image_match(base: Base, reference: str) -> re.Match[str] | None:
    """Whether a full image reference is one of this base's images, with its Python and release (the release may
    be left out, as in ``python:3.13-slim``: the base's newest release)."""
    for image in (base.image, re.sub(r"-?\{release\}", "", base.image)):
        pattern = re.escape(image).replace(r"\{python\}", r"(?P<python>[0-9.]+)").replace(
            r"\{release\}", r"(?P<release>[a-z0-9.]+)")
        match = re.fullmatch(pattern, reference)
        if match:
            return match
    return None


def _release_and_python(request: Request, base: Base, catalog: Catalog) -> tuple[str, str]:
    release = base.releases[0]
    if request.base and request.base != base.name:  # a full image reference picks the release and Python
        match = _image_match(base, request.base)
        if match and match.groupdict().get("release"):
            if match.group("release") not in base.releases:  # never a silent substitution of another release
                raise DockgenError(f"{request.base}: dockgen's {base.name} base offers {', '.join(base.releases)}, "
                                   f"not {match.group('release')}")
            release = match.group("release")
        if match and "python" in match.groupdict():
            if request.python and request.python != match.group("python"):
                raise DockgenError(f"--base {request.base} is Python {match.group('python')} and --python asks for "
                                   f"{request.python}; keep one of them")
            request = Request(**{**request.__dict__, "python": match.group("python")})
    python = request.python or catalog.default_python
    if not re.fullmatch(r"3\.\d{1,2}", python):
        raise DockgenError(f"--python takes a version such as 3.12, not {python!r}")
    if base.python_from == "image" and python not in base.pythons:
        raise DockgenError(f"{base.name} offers Python {', '.join(base.pythons)}, not {python}")
    if base.python_from == "apt":
        provided = base.apt_python[release]
        if request.python and request.python != provided:
            raise DockgenError(f"{base.name} ({release}) provides Python {provided} from its packages; for Python "
                               f"{request.python} use --base python-slim")
        python = provided
    return release, python


def _environment_python(request: Request, python: str) -> str:
    """An environment file that pins python decides the Python; --python may only agree with it."""
    pin = request.environment.python if request.environment else ""
    if not pin:
        return python
    match = re.fullmatch(r"python\s*(?:==?|\s)\s*(3\.\d{1,2})(?:\.\*|\.\d+)?", pin)
    if request.python and (match is None or match.group(1) != request.python):
        raise DockgenError(f"{request.environment.name if request.environment else ''} pins {pin!r} and --python "
                           f"asks for {request.python}; keep one of them")
    return match.group(1) if match else python


def _file_packages(request: Request, catalog: Catalog, python: str) -> list[Package]:
    """Catalog packages the files install on the target (a requirement whose marker excludes Linux or this Python
    is not installed, so it gets no libraries and no smoke test)."""
    names = [named.name for named in request.requirements.requirements
             if _installed_here(named.marker, python)] if request.requirements else []
    names += request.environment.names if request.environment else ()
    return [package for name in names if (package := catalog.package(name)) is not None]


def _installed_here(marker: str, python: str) -> bool:
    """Whether a PEP 508 marker holds in the image, on both x86_64 and aarch64 builds."""
    if not marker:
        return True
    environment = {"python_version": python, "python_full_version": f"{python}.0", "sys_platform": "linux",
                   "platform_system": "Linux", "os_name": "posix", "implementation_name": "cpython",
                   "platform_python_implementation": "CPython", "extra": ""}
    return all(Marker(marker).evaluate({**environment, "platform_machine": machine})
               for machine in ("x86_64", "aarch64"))


def _check_constraints(packages: list[Package], base: Base, request: Request) -> None:
    """What a base cannot install. (Python versions are checked where the pin is chosen: the catalog's pin must
    support the target Python; a version the user wrote, here or in a file, is the user's to choose.)"""
    for package in packages:
        if base.family == "alpine" and not package.musl_wheels:
            raise DockgenError(f"{package.name} has no musllinux wheels, so on {base.name} pip would compile it "
                               "from source (often for tens of minutes); use --base python-slim")
        if request.manager == "pip" and not package.wheels and base.family == "alpine":
            raise DockgenError(f"{package.name} must be compiled; dockgen builds it only on Debian-based images")


def _check_named_once(installs: list[installing.Install], requirements: RequirementsFile | None,
                      catalog: Catalog) -> None:
    """A project both on the command line and in the requirements file would get two pins, which pip refuses."""
    if requirements is None:
        return
    for install in installs:
        for named in requirements.requirements:
            package = catalog.package(named.name)
            if normalize(named.name) in (normalize(install.pip_name), normalize(install.package.name)) or (
                    package is not None and install.package.known and package.name == install.package.name):
                raise DockgenError(f"{install.package.name} is on the command line and in {requirements.name}:"
                                   f"{named.line}; name it in one place")


def _check_cuda(packages: list[Package], cuda: str) -> None:
    major = int(cuda.split(".")[0])
    for package in packages:
        if package.gpu_cuda and int(package.gpu_cuda) > major:
            raise DockgenError(f"{package.name}'s GPU wheels need CUDA {package.gpu_cuda}, newer than the CUDA {cuda} "
                               "dockgen's GPU images target; pin an older release or build without --gpu")


def _model(request: Request, packages: list[Package]) -> tuple[str, str] | None:
    if request.model is None:
        return None
    for package in packages:
        if request.model in package.models:
            model = package.models[request.model]
            return model.pip, model.conda
    offered = sorted(m for p in packages for m in p.models)
    raise DockgenError(f"unknown model {request.model!r}" + (f": choose one of {', '.join(offered)}" if offered
                                                             else ": no package on the command line has models"))


def _copy(text: str) -> tuple[str, str]:
    source, colon, destination = text.partition(":")
    if not colon or not source or not destination:
        raise DockgenError(f"--copy takes SRC:DEST, such as script.py:/app/script.py, not {text!r}")
    for path in (source, destination):
        if not _COPY_PATH.fullmatch(path) or path.startswith("-") or ".." in path.split("/"):
            raise DockgenError(f"--copy path {path!r} may use letters, digits, spaces and . _ / @ + - only, "
                               "and no '..'")
    return source, destination


def _cmd(request: Request, packages: list[Package]) -> tuple[str, ...]:
    if request.cmd is None:
        return next((p.cmd for p in packages if p.cmd), ("python",))
    if any(char in request.cmd for char in "\n\r\x00"):
        raise DockgenError("--cmd must be a single line")
    try:
        words = tuple(shlex.split(request.cmd))
    except ValueError as error:
        raise DockgenError(f"cannot split --cmd {request.cmd!r}: {error}") from None
    if not words:
        raise DockgenError("--cmd is empty")
    if _has_shell_syntax(request.cmd):  # `a && b`, `$HOME`, `> log`: only a shell gives these their meaning
        return ("/bin/sh", "-c", request.cmd)
    return words


_SHELL_CHARACTERS = frozenset("&|;<>()$`*?[]{}~")


def _has_shell_syntax(command: str) -> bool:
    """Whether the command uses a shell operator, expansion or pattern outside single quotes (``$`` and backquote
    also inside double quotes), so that exec form would pass it to the program literally."""
    quote = ""
    escaped = False
    for character in command:
        if escaped:
            escaped = False
        elif character == "\\" and quote != "'":
            escaped = True
        elif quote == "'":
            quote = "" if character == "'" else quote
        elif quote == '"':
            if character == '"':
                quote = ""
            elif character in "$`":
                return True
        elif character in "'\"":
            quote = character
        elif character in _SHELL_CHARACTERS:
            return True
    return False


def _command_line(request: Request) -> str:
    parts = ["dockgen", "new", *request.packages, "--manager", request.manager]
    for flag, value in (("--base", request.base), ("--python", request.python), ("--model", request.model),
                        ("-r", request.requirements.name if request.requirements else None),
                        ("--env", request.environment.name if request.environment else None),
                        ("--cmd", request.cmd)):
        if value:
            parts += [flag, value]
    for copy in request.copies:
        parts += ["--copy", copy]
    for flag, on in (("--gpu", request.gpu), ("--cache", request.cache), ("--init", request.init),
                     ("--lock", request.lock is not None)):
        if on:
            parts.append(flag)
    if request.installer != "pip":
        parts += ["--installer", request.installer]
    return " ".join(shlex.quote(part) for part in parts).replace("\n", " ")


def _unique(packages: list[Package]) -> list[Package]:
    seen: dict[str, Package] = {}
    for package in packages:
        seen.setdefault(package.name, package)
    return list(seen.values())


def _unique_strings(items: Iterable[str]) -> tuple[str, ...]:
    """Non-empty strings, first occurrence kept, order kept."""
    return tuple(dict.fromkeys(item for item in items if item))

