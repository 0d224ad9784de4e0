"""hadolint's ``HADOLINT_*`` environment variables, read as a layer of command-line options.

They sit between the configuration file and the command line: lists add up (environment first), and a value given
on the command line beats the environment's. hadolint puts the environment below its config file; dockgen follows
ruff here, where an environment variable stands for an option. Unknown codes and levels are errors, not silently
dropped as hadolint does.
"""

from __future__ import annotations

from collections.abc import Mapping
from dockgen.errors import DockgenError
from dockgen.lint.config import CliOverrides

_TRUTHY = ("1", "y", "yes", "on", "true")
_LEVEL_VARIABLES = (("HADOLINT_OVERRIDE_ERROR", "error"), ("HADOLINT_OVERRIDE_WARNING", "warning"),
                    ("HADOLINT_OVERRIDE_INFO", "info"), ("HADOLINT_OVERRIDE_STYLE", "style"))


def from_environment(environ: Mapping[str, str]) -> CliOverrides:
    def items(name: str) -> tuple[str, ...]:
        return tuple(part.strip() for part in environ.get(name, "").split(",") if part.strip())

    def flag(name: str) -> bool:
        return environment_flag(environ, name)

    threshold = environ.get("HADOLINT_FAILURE_THRESHOLD", "").strip().lower() or None
    return CliOverrides(
        ignore=items("HADOLINT_IGNORE"),
        failure_threshold=threshold,
        disable_pragmas=flag("HADOLINT_DISABLE_IGNORE_PRAGMA"),
        levels=tuple((code, level) for name, level in _LEVEL_VARIABLES for code in items(name)),
        trusted_registries=items("HADOLINT_TRUSTED_REGISTRIES"),
        required_labels=items("HADOLINT_REQUIRE_LABELS"),
        strict_labels=flag("HADOLINT_STRICT_LABELS"),
        no_fail=flag("HADOLINT_NOFAIL"),
        source="environment",
    )


def environment_flag(environ: Mapping[str, str], name: str) -> bool:
    """A hadolint boolean variable: ``1 y yes on true`` in any case mean true, anything else false."""
    return environ.get(name, "").strip().lower() in _TRUTHY


def environment_format(environ: Mapping[str, str], known: tuple[str, ...]) -> str | None:
    """The output format ``HADOLINT_FORMAT`` names; dockgen writes one document, so a list is an error."""
    value = environ.get("HADOLINT_FORMAT", "").strip()
    if not value:
        return None
    names = [part.strip() for part in value.split(",") if part.strip()]
    if len(names) != 1 or names[0] not in known:
        raise DockgenError(f"HADOLINT_FORMAT={value!r}: dockgen writes one format, one of {', '.join(known)}")
    return names[0]
