"""The one place that knows where the shipped data folders (``rules/``, ``templates/``) live."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from dockgen.errors import DockgenError


def data_dir(name: str) -> Path:
    """``rules`` or ``templates``: inside an installed wheel, else the checkout's top-level folder."""
    installed = Path(str(files("dockgen"))) / "_data" / name
    if installed.is_dir():
        return installed
    checkout = Path(str(files("dockgen"))).parent / name
    if checkout.is_dir():
        return checkout
    raise DockgenError(f"dockgen's {name}/ data is missing: the installation is broken, reinstall dockgen")
