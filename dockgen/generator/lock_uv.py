"""``dockgen new --lock --installer uv``: the lock resolved by ``uv pip compile --generate-hashes``.

uv runs once per machine with ``--python-platform`` (glibc 2.36 or musl, like pip's wheel tags in lock.py) rather
than once with ``--universal``: a universal resolution covers every OS and does not check that the versions it picks
have wheels for the image's libc and machine, while a per-target one does, and judges every environment marker,
dependencies' included, for the image (pip judges them by the Python that runs dockgen). uv lists the hashes of
every file of each version it picks; the installer in the image picks the wheel for its platform among them.

uv comes from the extra ``dockgen-lint[lock]`` (the ``uv`` package on PyPI) or from PATH: it is a 20 MB binary that
only ``--lock --installer uv`` needs, so it is no dependency of dockgen's. uv reads its own configuration
(``UV_INDEX_URL``, ``uv.toml``), not pip's."""

from __future__ import annotations

import importlib
import re
import shutil
import subprocess
from collections.abc import Callable

from dockgen.commands.pip import normalize
from dockgen.errors import DockgenError

UvRunner = Callable[[list[str]], str]  # uv's arguments -> what `uv pip compile` wrote
_PIN = r"(?m)^(?P<name>[A-Za-z0-9][A-Za-z0-9._-]*)==(?P<version>[^\s;\\]+)(?P<rest>(?:[ \t]*\\\n[ \t]*--hash=\S+)*)"
_HASH = r"--hash=sha256:(?P<digest>[0-9a-f]{64})"


def uv_target(family: str, machine: str) -> str:
    """uv's ``--python-platform`` for an image: Alpine's musl, or the glibc of Debian bookworm (2.36), the oldest of
    dockgen's glibc images."""
    return f"{machine}-unknown-linux-musl" if family == "alpine" else f"{machine}-manylinux_2_36"


def uv_arguments(source: str, python: str, family: str, machine: str) -> list[str]:
    return ["pip", "compile", source, "--python-platform", uv_target(family, machine), "--python-version", python,
            "--generate-hashes", "--only-binary", ":all:", "--no-header", "--no-annotate", "--quiet"]


def uv_binary() -> str:
    """The uv of the ``uv`` package installed with dockgen (``dockgen-lint[lock]``), else the one on PATH."""
    try:
        found: str = importlib.import_module("uv").find_uv_bin()
        return found
    except (ImportError, AttributeError, FileNotFoundError):
        pass
    on_path = shutil.which("uv")
    if on_path is None:
        raise DockgenError("--lock --installer uv resolves with uv, which is not installed: "
                           "pip install 'dockgen-lint[lock]' (or put uv on PATH)")
    return on_path


def run_uv(arguments: list[str]) -> str:
    try:
        result = subprocess.run([uv_binary(), *arguments], capture_output=True, text=True, timeout=900, check=False)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise DockgenError(f"--lock: cannot run uv: {error}") from None
    if result.returncode != 0:
        errors = [line.strip() for line in result.stderr.splitlines() if line.strip()][-4:]
        raise DockgenError("--lock: uv could not resolve the image's requirements: " + " ".join(errors))
    return result.stdout


def uv_pins(text: str) -> list[tuple[str, str, str]]:
    """(name, version, sha256) for each hash of each pin in uv's output."""
    pins = []
    for found in re.finditer(_PIN, text):
        hashes = [h.group("digest") for h in re.finditer(_HASH, found.group("rest"))]
        if not hashes:
            raise DockgenError(f"--lock: uv gives no sha256 for {found.group('name')}; its index must publish hashes")
        pins += [(normalize(found.group("name")), found.group("version"), sha) for sha in hashes]
    if not pins and text.strip():
        raise DockgenError(f"--lock: cannot read uv's output: {text.strip().splitlines()[0][:100]}")
    return pins
