"""The one place that knows where the shipped data folders (``rules/``, ``templates/``) live."""

from __future__ import annotations

from pathlib import Path

from dockgen.errors import DockgenError

# The package's own folder. A wheel installs unpacked, so this is a real directory; it is found from this file
# rather than with importlib.resources, which costs a noticeable part of a pre-commit run's start-up.
_PACKAGE = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    """``rules`` or ``templates``: inside an installed wheel, else the checkout's top-level folder (editable
    installs import the package from the checkout, where the data is not under ``_data``)."""
    for candidate in (_PACKAGE / "_data" / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise DockgenError(f"dockgen's {name}/ data is missing: the installation is broken, reinstall dockgen")
