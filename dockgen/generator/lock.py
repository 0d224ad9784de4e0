"""``dockgen new --lock``: hash-pinned requirements for the image's Python and platforms, from pip's resolver.

pip resolves the image's requirements as if it ran in the image (``--python-version``, ``--platform`` with the
image's wheel tags, ``--only-binary=:all:``), once for x86_64 and once for aarch64, with ``--dry-run --report``; the
reports name every distribution with the sha256 of the wheel chosen. The lock lists each ``name==version`` with
the hashes of both platforms' wheels (pip in hash-checking mode installs only a file whose hash is listed, and
picks among those). This is the only part of ``dockgen new`` that uses the network, and only with ``--lock``.
"""

from __future__ import annotations

import json
import shlex
import subprocess
import sys
import tempfile
import textwrap
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from dockgen.commands.pip import normalize
from dockgen.errors import DockgenError
from dockgen.files.inputs import LockFile
from dockgen.generator.lock_input import LockRequest, lock_request
from dockgen.generator.recipe import Recipe

LOCK_NAME = "requirements.lock"
MACHINES = ("x86_64", "aarch64")
_GLIBC = 36  # Debian bookworm's glibc 2.36, the oldest of dockgen's glibc images: wheels for newer ones are left out
Report = dict[str, object]
Resolver = Callable[[list[str]], Report]  # pip arguments after `pip install` -> the report


def lock_input(recipe: Recipe, requirements_path: Path | None) -> LockRequest:
    """What the lock resolves: the recipe's pins and the user's requirements file (dockgen/generator/lock_input.py);
    refuses what dockgen cannot lock honestly."""
    if recipe.manager == "conda":
        raise DockgenError("--lock for conda needs conda-forge's repodata for the image's platform, which dockgen "
                           "does not fetch; build the image, then write an explicit lock with `conda-lock -f "
                           "environment.yml -p linux-64 -p linux-aarch64` (or `micromamba env export --explicit` "
                           "in the image) and keep it with your environment.yml")
    reasons = [(recipe.compile, "compiles packages against the system (GDAL's version comes from gdal-config)"),
               (bool(recipe.index_specs), "installs from a second index (the PyTorch CPU index), which the lock "
                                          "does not record")]
    refused = [reason for on, reason in reasons if on]
    if refused:
        raise DockgenError(f"--lock: this image {refused[0]}; leave --lock out")
    specs = [word for spec in recipe.pip_specs for word in shlex.split(spec)]
    if any("://" in spec for spec in specs):
        raise DockgenError("--lock: a model or package from a URL has no index entry to lock; leave --lock or "
                           "--model out")
    return lock_request(specs, requirements_path)


def with_lock(recipe: Recipe, lock_file: LockFile) -> Recipe:
    """The recipe installing from the lock file alone: the pins and the user's file are in it."""
    return replace(recipe, pip_specs=(), requirements=lock_file.name, require_hashes=True)


def header(recipe: Recipe, python_running: str, date: str) -> str:
    text = (f"Written by dockgen new --lock on {date}: hash-pinned requirements for CPython {recipe.python} on "
            f"{recipe.base.family} ({', '.join(MACHINES)}), resolved by pip. Install with `pip install "
            f"--require-hashes -r {LOCK_NAME}`; regenerate it to update.")
    if python_running != recipe.python:
        text += (f" pip judged environment markers by the Python that ran dockgen ({python_running}), not "
                 f"{recipe.python}: run dockgen with Python {recipe.python} if a dependency has a python_version "
                 "marker.")
    return "\n".join(textwrap.wrap(text, 110))


def platform_tags(family: str, machine: str) -> list[str]:
    """The wheel tags an image of ``family`` accepts, newest first (pip takes them literally, no expansion)."""
    if family == "alpine":
        return [f"musllinux_1_2_{machine}", f"musllinux_1_1_{machine}"]
    tags = [f"manylinux_2_{minor}_{machine}" for minor in range(_GLIBC, 16, -1)] + [f"manylinux2014_{machine}"]
    if machine == "x86_64":
        tags += [f"manylinux_2_12_{machine}", f"manylinux2010_{machine}", f"manylinux_2_5_{machine}",
                 f"manylinux1_{machine}"]
    return tags


def pip_arguments(request: LockRequest, python: str, family: str, machine: str, constraints: str = "") -> list[str]:
    """pip's arguments for one machine; ``constraints`` is a file holding that machine's constraints."""
    abi = f"cp{python.replace('.', '')}"
    requirements, _ = request.for_machine(python, machine)
    return ["--dry-run", "--ignore-installed", "--quiet", "--report", "-", "--only-binary=:all:",
            "--python-version", python, "--implementation", "cp", "--abi", abi, "--abi", "abi3", "--abi", "none",
            *(word for tag in platform_tags(family, machine) for word in ("--platform", tag)), *request.options,
            *(["-c", constraints] if constraints else []), *requirements]


def run_pip(arguments: list[str]) -> Report:
    """pip of this Python, with the user's pip configuration (their index or mirror)."""
    try:
        with tempfile.TemporaryDirectory() as target:  # older pips want --target with --platform, even for --dry-run
            result = subprocess.run([sys.executable, "-m", "pip", "install", "--target", target, *arguments],
                                    capture_output=True, text=True, timeout=900, check=False)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise DockgenError(f"--lock: cannot run pip: {error}") from None
    if result.returncode != 0:
        errors = [line for line in result.stderr.splitlines() if line.startswith("ERROR")] or \
            result.stderr.strip().splitlines()[-3:]
        hint = ("; pip judged Requires-Python by the Python running dockgen: upgrade pip (26.3 does not)"
                if "requires a different Python" in result.stderr else "")
        raise DockgenError("--lock: pip could not resolve the image's requirements: " + " ".join(errors) + hint)
    try:
        report: Report = json.loads(result.stdout)
    except json.JSONDecodeError:
        raise DockgenError("--lock: pip wrote no installation report (pip 22.2 or newer is needed)") from None
    return report


def lock(request: LockRequest, python: str, family: str, header: str, resolver: Resolver = run_pip) -> str:
    """The lock file's text: ``header`` as comments, the user's index lines, then one hash-pinned line per
    distribution."""
    found: dict[tuple[str, str], dict[str, set[str]]] = {}  # (name, version) -> machine -> hashes
    with tempfile.TemporaryDirectory() as folder:
        for machine in MACHINES:
            requirements, constraints = request.for_machine(python, machine)
            if not requirements:  # every line's marker excludes this machine
                continue
            path = Path(folder, f"constraints-{machine}.txt")
            path.write_text("".join(f"{text}\n" for text in constraints), encoding="utf-8")
            arguments = pip_arguments(request, python, family, machine, str(path) if constraints else "")
            for name, version, sha256 in _installs(resolver(arguments)):
                found.setdefault((name, version), {}).setdefault(machine, set()).add(sha256)
    check_hashes(request, found)
    lines = [f"# {line}" if line else "#" for line in header.splitlines()] + list(request.install_lines)
    for (name, version), machines in sorted(found.items()):
        marker = "" if len(machines) == len(MACHINES) else f"; platform_machine == {next(iter(machines))!r}"
        hashes = sorted({sha for shas in machines.values() for sha in shas})
        lines.append(f"{name}=={version}{marker} \\\n" + " \\\n".join(f"    --hash=sha256:{sha}" for sha in hashes))
    return "\n".join(lines) + "\n"


def check_hashes(request: LockRequest, found: dict[tuple[str, str], dict[str, set[str]]]) -> None:
    """A requirement or constraint with hashes of its own allows only those files: the resolver's pick must be one."""
    for spec in (*request.requirements, *request.constraints):
        if not spec.hashes:
            continue
        for (name, version), machines in found.items():
            if name != normalize(spec.name):
                continue
            for machine, shas in sorted(machines.items()):
                if not shas <= spec.hashes:
                    raise DockgenError(f"{spec.where}: the line allows {spec.name} only with the hashes it lists, "
                                       f"and {name} {version} for {machine} has another "
                                       f"({sorted(shas - spec.hashes)[0][:16]}...); update the hashes or leave "
                                       "them out")


def _installs(report: Report) -> list[tuple[str, str, str]]:
    """(name, version, sha256) of each distribution pip would install."""
    out = []
    installs = report.get("install")
    if not isinstance(installs, list):
        raise DockgenError("--lock: pip's report lists no installs")
    for item in installs:
        metadata, info = item.get("metadata", {}), item.get("download_info", {})
        sha256 = info.get("archive_info", {}).get("hashes", {}).get("sha256", "")
        if not sha256:
            raise DockgenError(f"--lock: pip gives no sha256 for {metadata.get('name')} ({info.get('url')}); "
                               "its index must publish hashes")
        out.append((normalize(str(metadata["name"])), str(metadata["version"]), str(sha256)))
    return out
