"""What ``dockgen new --lock`` resolves: the recipe's pins and the user's requirements file, read the way pip reads
it (nested ``-r`` and ``-c`` files followed), sorted into requirements, constraints and option lines.

Option lines that tell pip where the files are (index URLs, ``--find-links``, ``--trusted-host``, ``--no-index``)
go into the resolution and into the lock file as written: the image installs from the lock alone, and with
``--require-hashes`` it must look in the same index. ``--pre``, ``--only-binary`` and ``--prefer-binary`` go into
the resolution only (the lock's exact pins and wheel hashes already decide what they decide). Whatever cannot be
resolved for another machine or found from inside the image is an error naming the file and line."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

from packaging.markers import Marker

from dockgen.errors import DockgenError
from dockgen.files.inputs import (Line, option_value, option_word, parse_requirement, requirement_lines,
                                  split_requirement)

_INSTALL_TIME = frozenset({"-i", "--index-url", "--extra-index-url", "--no-index", "-f", "--find-links",
                           "--trusted-host"})
_RESOLUTION_ONLY = frozenset({"--pre", "--only-binary", "--prefer-binary"})
_LOCATIONS = frozenset({"-i", "--index-url", "--extra-index-url", "-f", "--find-links"})
_HASH = r"--hash[= ]+(?P<algorithm>\w+):(?P<digest>[0-9a-fA-F]+)"


@dataclass(frozen=True)
class Spec:
    """One requirement or constraint: where it was written, and the sha256 hashes it allows (none: any)."""

    text: str  # the requirement without its marker (``pandas==3.1.1``, ``numpy[extra]>=2``)
    name: str
    marker: str = ""
    hashes: frozenset[str] = frozenset()
    where: str = "the command line"


@dataclass(frozen=True)
class LockRequest:
    requirements: tuple[Spec, ...]
    constraints: tuple[Spec, ...] = ()
    option_lines: tuple[str, ...] = ()  # option lines for the resolution, as the user's file writes them
    install_lines: tuple[str, ...] = ()  # those the lock file keeps

    def for_machine(self, python: str, machine: str) -> tuple[list[str], list[str]]:
        """The requirements and constraints whose markers hold in the image on ``machine``, markers removed
        (pip would judge them by the machine running dockgen)."""
        return ([spec.text for spec in self.requirements if holds(spec.marker, python, machine)],
                [spec.text for spec in self.constraints if holds(spec.marker, python, machine)])


def resolver_input(request: LockRequest, python: str, machine: str, folder: Path) -> Path | None:
    """A requirements file for one machine's resolution in ``folder`` (with its constraints file beside it), or
    None when no requirement holds there. pip and uv read option lines from it as from the user's file."""
    requirements, constraints = request.for_machine(python, machine)
    if not requirements:
        return None
    lines = list(request.option_lines)
    if constraints:
        (folder / f"constraints-{machine}.txt").write_text("".join(f"{c}\n" for c in constraints), encoding="utf-8")
        lines.append(f"-c constraints-{machine}.txt")
    path = folder / f"requirements-{machine}.txt"
    path.write_text("".join(f"{line}\n" for line in [*lines, *requirements]), encoding="utf-8")
    return path


def holds(marker: str, python: str, machine: str) -> bool:
    """Whether a PEP 508 marker holds in a Linux CPython ``python`` image on ``machine`` (the patch level is taken
    to be 0)."""
    if not marker:
        return True
    environment = {"python_version": python, "python_full_version": f"{python}.0", "sys_platform": "linux",
                   "platform_system": "Linux", "os_name": "posix", "implementation_name": "cpython",
                   "platform_python_implementation": "CPython", "platform_machine": machine, "extra": ""}
    return Marker(marker).evaluate(environment)


def lock_request(pins: list[str], path: Path | None) -> LockRequest:
    """The recipe's pins (already checked plain ``NAME==VERSION`` words) and the user's file, if any."""
    specs = tuple(Spec(pin, re.split(r"[=<>!~\[;@ ]", pin, maxsplit=1)[0]) for pin in pins)
    if path is None:
        return LockRequest(specs)
    user = read_user_file(path)
    return replace(user, requirements=specs + user.requirements)


def read_user_file(path: Path) -> LockRequest:
    requirements: list[Spec] = []
    constraints: list[Spec] = []
    option_lines: list[str] = []
    install_lines: list[str] = []
    for line in requirement_lines(path, follow=True):
        if not line.text.startswith("-"):
            (constraints if line.constraint else requirements).append(_spec(line))
            continue
        word = _option(line)
        if word == "--require-hashes":
            continue  # the lock is always installed with --require-hashes
        if line.text not in option_lines:
            option_lines.append(line.text)
            if word in _INSTALL_TIME:
                install_lines.append(line.text)
    return LockRequest(tuple(requirements), tuple(constraints), tuple(option_lines), tuple(install_lines))


def _option(line: Line) -> str:
    word = option_word(line.text)
    value = option_value(line.text)
    if word == "--no-binary" and value != ":none:":
        raise DockgenError(f"{line.where}: `{line.text}` asks for a source build, which dockgen cannot resolve for "
                           "the image's machines (it locks wheels); drop the line or leave --lock out")
    if word in _LOCATIONS and not (value.startswith(("https://", "http://")) or value.startswith("${")):
        raise DockgenError(f"{line.where}: `{word} {value}` is not a URL; the image installs from the lock alone "
                           "and cannot see that folder: serve it over HTTP(S) or leave --lock out")
    if word not in _INSTALL_TIME | _RESOLUTION_ONLY | {"--require-hashes", "--no-binary"}:
        raise DockgenError(f"{line.where}: `{word}` cannot be carried into a lock (dockgen carries index options, "
                           "--pre, --only-binary and --prefer-binary); remove it or leave --lock out")
    return word


def _spec(line: Line) -> Spec:
    text, options = split_requirement(line)
    requirement = parse_requirement(text, line)
    if requirement.url:
        raise DockgenError(f"{line.where}: {requirement.name} comes from a URL, which has no index entry to lock; "
                           "publish it on an index (--extra-index-url, --find-links) or leave --lock out")
    leftover = re.sub(_HASH, "", options).strip()
    if leftover:
        raise DockgenError(f"{line.where}: `{leftover}` cannot be carried into a lock (only --hash can); remove it "
                           "or leave --lock out")
    hashes = {m.group("algorithm").lower(): m for m in re.finditer(_HASH, options)}
    if hashes and "sha256" not in hashes:
        raise DockgenError(f"{line.where}: the lock checks sha256 hashes and this line has only "
                           f"{', '.join(sorted(hashes))}; add the sha256 ones")
    sha256 = frozenset(m.group("digest").lower() for m in re.finditer(_HASH, options)
                       if m.group("algorithm").lower() == "sha256")
    marker = str(requirement.marker) if requirement.marker else ""
    requirement.marker = None
    return Spec(str(requirement), requirement.name, marker, sha256, line.where)
