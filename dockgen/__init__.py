"""dockgen: lint Dockerfiles (a superset of hadolint, plus rules for Python images) and generate optimized ones.

The public API is imported on first use, so that ``import dockgen.cli`` stays cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["FileResult", "Finding", "Settings", "Severity", "lint_bytes", "lint_paths", "lint_text", "__version__"]

_EXPORTS = {
    "FileResult": "dockgen.api", "lint_bytes": "dockgen.api", "lint_paths": "dockgen.api", "lint_text": "dockgen.api",
    "Settings": "dockgen.lint.engine", "Finding": "dockgen.lint.findings", "Severity": "dockgen.lint.findings",
}

if TYPE_CHECKING:
    from dockgen.api import FileResult, lint_bytes, lint_paths, lint_text
    from dockgen.lint.engine import Settings
    from dockgen.lint.findings import Finding, Severity


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        import importlib

        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'dockgen' has no attribute {name!r}")
