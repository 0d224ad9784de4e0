"""``dockgen new --lock``: hash-pinned requirements for the image's Python and platforms, from pip's resolver or,
with ``--installer uv``, uv's (dockgen/generator/lock_uv.py).

The resolver works as if it ran in the image (the image's Python version and wheel tags, wheels only), once for
x86_64 and once for aarch64. pip's ``--dry-run --report`` names every distribution with the sha256 of the wheel
chosen; uv's ``pip compile --generate-hashes`` lists the hashes of every file of each version. The lock lists each
``name==version`` with both platforms' hashes (an installer in hash-checking mode installs only a file whose hash
is listed, and picks among those). This is the only part of ``dockgen new`` that uses the network, and only with
``--lock``.
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
from dockgen.generator.lock_input import LockRequest, lock_request, resolver_input
from dockgen.generator.lock_uv import UvRunner, run_uv, uv_arguments, uv_pins
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
    tool, install = ("uv", "uv pip install") if recipe.installer == "uv" else ("pip", "pip install")
    text = (f"Written by dockgen new --lock on {date}: hash-pinned requirements for CPython {recipe.python} on "
            f"{recipe.base.family} ({', '.join(MACHINES)}), resolved by {tool}. Install with `{install} "
            f"--require-hashes -r {LOCK_NAME}`; regenerate it to update.")
    if python_running != recipe.python and tool == "pip":  # uv judges markers for the target it is given
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


def pip_arguments(source: str, python: str, family: str, machine: str) -> list[str]:
    """pip's arguments for one machine; ``source`` is the requirements file written for it (lock_input.py)."""
    abi = f"cp{python.replace('.', '')}"
    return ["--dry-run", "--ignore-installed", "--quiet", "--report", "-", "--only-binary=:all:",
            "--python-version", python, "--implementation", "cp", "--abi", abi, "--abi", "abi3", "--abi", "none",
            *(word for tag in platform_tags(family, machine) for word in ("--platform", tag)), "-r", source]


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


def lock(request: LockRequest, python: str, family: str, header: str, resolver: Resolver = run_pip,
         installer: str = "pip", uv_runner: UvRunner = run_uv) -> str:
    """The lock file's text: ``header`` as comments, the user's index lines, then one hash-pinned line per
    distribution. ``installer`` chooses the resolver: ``resolver`` (pip) or ``uv_runner``."""
    found: dict[tuple[str, str], dict[str, set[str]]] = {}  # (name, version) -> machine -> hashes
    with tempfile.TemporaryDirectory() as folder:
        for machine in MACHINES:
            source = resolver_input(request, python, machine, Path(folder))
            if source is None:  # every line's marker excludes this machine
                continue
            pins = (uv_pins(uv_runner(uv_arguments(str(source), python, family, machine))) if installer == "uv"
                    else _installs(resolver(pip_arguments(str(source), python, family, machine))))
            for name, version, sha256 in pins:
                found.setdefault((name, version), {}).setdefault(machine, set()).add(sha256)
    lines = [f"# {line}" if line else "#" for line in header.splitlines()] + list(request.install_lines)
    for (name, version), machines in sorted(allowed(request, found).items()):
        marker = "" if len(machines) == len(MACHINES) else f"; platform_machine == {next(iter(machines))!r}"
        hashes = sorted({sha for shas in machines.values() for sha in shas})
        lines.append(f"{name}=={version}{marker} \\\n" + " \\\n".join(f"    --hash=sha256:{sha}" for sha in hashes))
    return "\n".join(lines) + "\n"


def allowed(request: LockRequest, found: dict[tuple[str, str], dict[str, set[str]]]
            ) -> dict[tuple[str, str], dict[str, set[str]]]:
    """A requirement or constraint with hashes of its own allows only those files: each machine keeps the found
    hashes it lists, and one with none left is an error."""
    kept = {key: dict(machines) for key, machines in found.items()}
    for spec in (*request.requirements, *request.constraints):
        for (name, version), machines in kept.items():
            if not spec.hashes or name != normalize(spec.name):
                continue
            for machine, shas in sorted(machines.items()):
                if not shas & spec.hashes:
                    raise DockgenError(f"{spec.where}: the line allows {spec.name} only with the hashes it lists, "
                                       f"and none of them is a file of {name} {version} for {machine} "
                                       f"({sorted(shas)[0][:16]}...); update the hashes or leave them out")
                machines[machine] = shas & spec.hashes
    return kept


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
