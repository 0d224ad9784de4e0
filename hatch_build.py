"""Wheel build step: the data linting reads, parsed once here and pickled into the wheel (see dockgen/shipped.py)."""

from __future__ import annotations

import importlib.util
import shutil
import tempfile
from pathlib import Path
from types import ModuleType
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


def _load_by_path(path: Path) -> ModuleType:
    """A module of the package that uses only the standard library, without importing the package."""
    spec = importlib.util.spec_from_file_location(f"_dockgen_build_{path.stem}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class LintDataSnapshot(BuildHookInterface):  # type: ignore[misc]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version == "editable":
            return  # an editable install reads the checkout's files and modules, so it never sees stale ones
        root = Path(self.root)
        shipped = _load_by_path(root / "dockgen" / "shipped.py")
        self._folder = Path(tempfile.mkdtemp(prefix="dockgen-build-"))
        snapshot = self._folder / shipped.SNAPSHOT_NAME
        snapshot.write_bytes(shipped.build_snapshot(root))
        build_data["force_include"][str(snapshot)] = f"dockgen/_data/{shipped.SNAPSHOT_NAME}"

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        folder = getattr(self, "_folder", None)
        if folder is not None:
            shutil.rmtree(folder, ignore_errors=True)
