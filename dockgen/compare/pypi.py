"""The pip variant's installs and sizes: pip's resolver report (dependencies included) when pip can resolve for
the image's platform, else the named packages alone; wheel sizes from PyPI's JSON API and the wheels' zip
directories."""

from __future__ import annotations

import importlib.metadata
import json
import re
import shlex
import subprocess
import sys
import tempfile
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass

from packaging.utils import canonicalize_name
from packaging.version import Version

from dockgen.compare.net import Cache, Fetch, Unavailable
from dockgen.compare.sides import Item
from dockgen.compare.wheels import Target, best_wheel
from dockgen.compare.zipsize import unpacked_size

PYPI = "https://pypi.org/pypi"
DAY = 86400.0



@dataclass(frozen=True)
class PipCall:
    """One ``pip install`` of the Dockerfile: its specs, from ``index_url`` (None: PyPI) and ``extra`` indexes."""

    specs: tuple[str, ...]
    index_url: str | None = None
    extra: tuple[str, ...] = ()


Resolver = Callable[[PipCall, Target], bytes]  # -> pip's installation report (JSON)


@dataclass(frozen=True)
class PipSources:
    fetch: Fetch
    resolve: Resolver | None  # None: do not run pip (offline)
    cache: Cache


def run_pip_report(call: PipCall, target: Target) -> bytes:
    """``pip install --dry-run --report -`` for the image's platform; raises Unavailable with pip's reason."""
    refusal = _pip_too_old(target)
    if refusal:
        raise Unavailable(refusal)
    abi = "cp" + target.python.replace(".", "")
    with tempfile.TemporaryDirectory(prefix="dockgen-compare-") as folder:
        command = [sys.executable, "-m", "pip", "install", "--dry-run", "--quiet", "--report", "-",
                   "--disable-pip-version-check", "--no-input", "--ignore-installed", "--target", folder,
                   "--only-binary=:all:", "--python-version", target.python, "--implementation", "cp",
                   "--abi", abi]
        for platform in target.platforms:  # pip expands only the legacy manylinux2014/2010 names itself
            command += ["--platform", platform]
        if call.index_url:
            command += ["--index-url", call.index_url]
        for index in call.extra:
            command += ["--extra-index-url", index]
        try:
            result = subprocess.run([*command, *call.specs], capture_output=True, timeout=600, check=False)
        except (OSError, subprocess.TimeoutExpired) as error:
            raise Unavailable(f"pip's resolver did not run: {error}") from None
    if result.returncode != 0:
        stderr = result.stderr.decode(errors="replace")
        lines = [line for line in stderr.splitlines() if line.startswith("ERROR") and "is ignored" not in line]
        hosts = ", ".join(sorted(set(re.findall(r"Retrying.*?host='([^']+)'", stderr))))  # pip's retry warnings
        reason = f"; pip could not reach {hosts}" if hosts else ""
        raise Unavailable(f"pip's resolver failed: {lines[-1] if lines else 'exit ' + str(result.returncode)}"
                          f"{reason}")
    return result.stdout


def _pip_version() -> str | None:
    try:
        return importlib.metadata.version("pip")
    except importlib.metadata.PackageNotFoundError:
        return None


def _pip_too_old(target: Target) -> str | None:
    """Before pip 24.2 the resolver judged Requires-Python by the Python running it, not by --python-version
    (measured: pip 24.1 refuses numpy 2.5.5 for a 3.12 target when run by 3.11; 24.2 accepts it)."""
    version = _pip_version()
    if version is None:
        return "pip is not installed beside dockgen"
    running = f"{sys.version_info.major}.{sys.version_info.minor}"
    if running != target.python and Version(version) < Version("24.2"):
        return (f"pip {version} beside dockgen judges Requires-Python by Python {running}, not the image's "
                f"{target.python}; pip 24.2 or later is needed for the dependency list")
    return None


def pip_items(calls: tuple[tuple[str | None, tuple[str, ...]], ...], target: Target,
              sources: PipSources) -> tuple[str, tuple[Item, ...], tuple[str, ...]]:
    """(how the list was found, the installs with sizes, problems) for the Dockerfile's pip calls in order:
    (index URL or None for PyPI, specs). A later call keeps what an earlier one installed (torch from the CPU
    index stays when transformers comes from PyPI), as pip does in the image."""
    problems: list[str] = []
    listed: dict[str, tuple[str, str, str | None]] = {}
    pins: list[str] = []
    extra: list[str] = []
    resolved = True
    for index, specs in calls:
        plain = tuple(spec for spec in specs if "://" not in spec)
        call = PipCall(plain, index) if index else PipCall((*plain, *pins), None, tuple(extra))
        found = _resolved(call, target, sources, problems) if plain else []
        if found is None:
            resolved = False
            if index:
                problems.append(f"{' '.join(plain)}: from {index}, not sized without pip's resolver")
                found = []
            else:
                found = [_named(spec, target, sources, problems) for spec in plain]
        for name, version, url in found:
            listed.setdefault(canonicalize_name(name), (name, version, url))
        for url in (spec for spec in specs if "://" in spec):
            listed.setdefault(url, (_direct_name(url), "", url))
        if index:
            extra.append(index)
        pins += [f"{name}=={version}" for name, version, _ in found if version]
    method = ("pip's resolver report, dependencies included" if resolved
              else "the named packages only, without their dependencies")
    items = tuple(_sized(name, version, url, sources, problems) for name, version, url in listed.values())
    return method, items, tuple(problems)


def _resolved(call: PipCall, target: Target, sources: PipSources,
              problems: list[str]) -> list[tuple[str, str, str | None]] | None:
    key = "pip-report:" + json.dumps([call.specs, call.index_url, call.extra, target.python, target.pip_platform,
                                      _pip_version()])
    cached = sources.cache.get(key, DAY) if sources.resolve else sources.cache.get(key)
    if isinstance(cached, list):
        return [(str(n), str(v), str(u)) for n, v, u in cached]
    if sources.resolve is None:
        problems.append("dependencies: not resolved (--offline, and no cached resolver report)")
        return None
    try:
        report = json.loads(sources.resolve(call, target))
        found = [(entry["metadata"]["name"], entry["metadata"]["version"], entry["download_info"]["url"])
                 for entry in report["install"]]
    except Unavailable as error:
        problems.append(f"dependencies: not resolved ({error})")
        return None
    except (ValueError, KeyError, TypeError):
        problems.append("dependencies: not resolved (pip's report was not in the expected format)")
        return None
    sources.cache.put(key, found)
    return [(n, v, u) for n, v, u in found]


def _named(spec: str, target: Target, sources: PipSources, problems: list[str]) -> tuple[str, str, str | None]:
    name, _, version = spec.partition("==")
    if not version:
        problems.append(f"{name}: no version pinned, so no size")
        return name, "", None
    key = f"pypi-files:{canonicalize_name(name)}=={version}"
    files = sources.cache.get(key)
    if not isinstance(files, dict):
        try:
            files = _release_files(name, version, sources.fetch)
        except Unavailable as error:
            problems.append(f"{name} {version}: PyPI's JSON API: {error}")
            return name, version, None
        sources.cache.put(key, files)
    chosen = best_wheel(sorted(files), target)
    if chosen is None:
        problems.append(f"{name} {version}: no wheel for {target.pip_platform} / Python {target.python} (it would "
                        "build from source; not estimated)")
        return name, version, None
    return name, version, str(files[chosen])


def _release_files(name: str, version: str, fetch: Fetch) -> dict[str, str]:
    """File name -> URL for one release: the version's JSON, else the project's (some mirrors serve only that)."""
    quoted = urllib.parse.quote(name)
    try:
        url = f"{PYPI}/{quoted}/{urllib.parse.quote(version)}/json"
        entries = json.loads(fetch(url, None).body)["urls"]
    except Unavailable as error:
        if "HTTP 404" not in str(error):
            raise
        url = f"{PYPI}/{quoted}/json"
        entries = json.loads(fetch(url, None).body).get("releases", {}).get(version)
        if entries is None:
            raise Unavailable(f"PyPI has no {name} {version}") from None
    return {entry["filename"]: urllib.parse.urljoin(url, entry["url"]) for entry in entries
            if not entry.get("yanked")}


def _sized(name: str, version: str, url: str | None, sources: PipSources, problems: list[str]) -> Item:
    if url is None:
        return Item(name, version)
    filename = urllib.parse.unquote(url.rsplit("/", 1)[-1].split("#", 1)[0])
    key = f"zip-size:{url}"
    cached = sources.cache.get(key)
    if isinstance(cached, list) and len(cached) == 2:
        return Item(name, version, filename, int(cached[0]), int(cached[1]))
    try:
        download, installed = unpacked_size(url, sources.fetch)
    except Unavailable as error:
        problems.append(f"{name} {version}: size of {filename}: {error}")
        return Item(name, version, filename, problem=str(error))
    sources.cache.put(key, [download, installed])
    return Item(name, version, filename, download, installed)


def _direct_name(url: str) -> str:
    return urllib.parse.unquote(url.rsplit("/", 1)[-1]).split("-", 1)[0]


def plain_specs(shell_quoted: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The recipe's shell-quoted specs as plain words, and the ones only the build can decide (``$(...)``)."""
    words = [word for spec in shell_quoted for word in shlex.split(spec)]
    decided = tuple(word for word in words if "$(" not in word and not word.startswith("-"))
    undecided = tuple(word.split("==", 1)[0] for word in words if "$(" in word)
    return decided, undecided
