"""dockgen: lint Dockerfiles (a superset of hadolint, plus rules for Python images) and generate optimized ones."""

from dockgen.api import FileResult, lint_bytes, lint_paths, lint_text
from dockgen.engine import Settings
from dockgen.findings import Finding, Severity

__version__ = "0.1.0"
__all__ = ["FileResult", "Finding", "Settings", "Severity", "lint_bytes", "lint_paths", "lint_text", "__version__"]
