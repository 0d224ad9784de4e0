"""What ``Settings`` holds, checked when it is made: sequences of strings as tuples, levels as ``Severity``, and
every rule code one that dockgen or hadolint knows."""

from __future__ import annotations

from typing import TYPE_CHECKING

from dockgen.lint.codes import Kind, classify
from dockgen.lint.findings import Severity

if TYPE_CHECKING:
    from dockgen.lint.engine import Settings


def normalized(settings: Settings) -> dict[str, object]:
    """The fields to store, by name; raises TypeError for a value of the wrong shape."""
    fields: dict[str, object] = {
        "extend_select": _strings(settings.extend_select, "extend_select"),
        "ignore": _strings(settings.ignore, "ignore"),
        "trusted_registries": _strings(settings.trusted_registries, "trusted_registries"),
        "per_file_ignores": tuple((str(glob), _strings(codes, f"per_file_ignores[{glob!r}]"))
                                  for glob, codes in _pairs(settings.per_file_ignores, "per_file_ignores")),
        "overrides": tuple((str(code), _severity(level)) for code, level in _pairs(settings.overrides, "overrides")),
        "label_schema": tuple((str(name), str(kind)) for name, kind in _pairs(settings.label_schema, "label_schema")),
    }
    if settings.select is not None:
        fields["select"] = _strings(settings.select, "select")
    return fields


def unknown_codes(settings: Settings) -> list[str]:
    codes = [*(settings.select or ()), *settings.extend_select, *settings.ignore,
             *(code for _, codes in settings.per_file_ignores for code in codes),
             *(code for code, _ in settings.overrides)]
    return [code for code in codes if classify(code) is Kind.UNKNOWN]


def _strings(value: object, name: str) -> tuple[str, ...]:
    if isinstance(value, (str, bytes)):
        raise TypeError(f"Settings.{name} must be a list or tuple of strings, not the string {value!r}")
    if not isinstance(value, (list, tuple)) or not all(isinstance(item, str) for item in value):
        raise TypeError(f"Settings.{name} must be a list or tuple of strings, not {value!r}")
    return tuple(value)


def _severity(level: object) -> Severity:
    if isinstance(level, str):
        return Severity.from_label(level)
    if isinstance(level, int):
        return Severity(level)
    raise TypeError(f"Settings.overrides: a level is a Severity or its name, not {level!r}")


def _pairs(value: object, name: str) -> tuple[tuple[object, object], ...]:
    if isinstance(value, dict):
        value = tuple(value.items())
    if not isinstance(value, (list, tuple)) or not all(isinstance(item, (list, tuple)) and len(item) == 2
                                                        for item in value):
        raise TypeError(f"Settings.{name} must be a list or tuple of pairs, not {value!r}")
    return tuple((first, second) for first, second in value)
