"""Wheel build step: the data linting reads, parsed once here and pickled into the wheel (see dockgen/shipped.py)."""

from __future__ import annotations

import importlib.util
import shutil
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class LintDataSnapshot(BuildHookInterface):  # type: ignore[misc]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version == "editable":
            return  # an editable install parses the checkout's files, so it never sees stale data
        root = Path(self.root)
        spec = importlib.util.spec_from_file_location("_dockgen_shipped", root / "dockgen" / "shipped.py")
        assert spec is not None and spec.loader is not None
        shipped = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(shipped)
        self._folder = Path(tempfile.mkdtemp(prefix="dockgen-build-"))
        snapshot = self._folder / shipped.SNAPSHOT_NAME
        snapshot.write_bytes(shipped.build_snapshot(root))
        build_data["force_include"][str(snapshot)] = f"dockgen/_data/{shipped.SNAPSHOT_NAME}"

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        folder = getattr(self, "_folder", None)
        if folder is not None:
            shutil.rmtree(folder, ignore_errors=True)
