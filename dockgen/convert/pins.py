"""Pins older than the first release that installs on the new image's Python (``templates/knowledge/
first-wheels.toml``, from PyPI): numpy==1.17.3 on Python 3.11 would build an sdist that no longer compiles there, or
leave conda nothing to solve, so the pin is raised to that first release, with a note."""

from __future__ import annotations

import functools
import re
import tomllib
from typing import Any

from packaging.version import InvalidVersion, Version

from dockgen._resources import data_dir
from dockgen.commands.pip import normalize
from dockgen.errors import DockgenError

_EXACT = (r"(?P<name>[A-Za-z0-9][A-Za-z0-9._-]*)(?P<extras>\[[^\]]*\])?\s*(?P<op>==?)\s*"
          r"(?P<version>[0-9][^,;\s*]*)")


@functools.cache
def _first_wheels() -> dict[str, dict[str, str]]:
    path = data_dir("templates") / "knowledge" / "first-wheels.toml"
    try:
        data: dict[str, Any] = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise DockgenError(f"{path}: broken converter data: {error}") from error
    return {normalize(name): dict(versions) for name, versions in data.items()}


def raised_pin(spec: str, python: str) -> tuple[str, str]:
    """``spec`` (``numpy==1.17.3``, conda's ``numpy=1.17.3``) with its version raised to the first release that
    installs on ``python``, and the note that says so; ``spec`` and "" when it already installs or dockgen does not
    know the package."""
    match = re.fullmatch(_EXACT, spec.strip())
    if match is None:
        return spec, ""
    first = _first_wheels().get(normalize(match["name"]), {}).get(python)
    try:
        if first is None or Version(match["version"]) >= Version(first):
            return spec, ""
    except InvalidVersion:
        return spec, ""
    raised = f"{match['name']}{match['extras'] or ''}{match['op']}{first}"
    return raised, (f"{spec.strip()} predates Python {python}: its first release that installs there is {first} "
                    f"(older ones have no wheel for it, and their source no longer builds), so the pin is raised to "
                    f"{first}; check the code with it.")
