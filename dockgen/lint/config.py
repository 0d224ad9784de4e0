"""Configuration: ``.dockgen.toml``, ``[tool.dockgen]`` in ``pyproject.toml``, or hadolint's ``.hadolint.yaml``.

The nearest configuration walking up from the linted file wins; in one folder dockgen's own files come before
hadolint's. With none in the project, the user's own file is used (``~/.config/dockgen/dockgen.toml``, then
hadolint's per-user locations). Command-line options are applied on top. Unknown keys and values of the wrong shape
are errors that name the file and suggest the closest valid spelling. Rule codes are as lenient as hadolint's: a
retired hadolint code gets an ``info`` note, a code nobody knows a ``warning`` with a suggestion, and both are left
out of the settings.
"""

from __future__ import annotations

import datetime
import functools
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from dockgen.errors import DockgenError
from dockgen.lint.codes import Kind, classify, note, suggest, suggest_code
from dockgen.lint.engine import Settings
from dockgen.lint.findings import Severity
from dockgen.lint.rules import resolve_code

DOCKGEN_KEYS = ("select", "extend-select", "ignore", "per-file-ignores", "failure-threshold", "override", "today",
                "trusted-registries", "label-schema", "strict-labels", "shellcheck", "no-fail", "exclude")
HADOLINT_KEYS = ("ignored", "override", "failure-threshold", "trustedRegistries", "label-schema", "strict-labels",
                 "no-fail", "disable-ignore-pragma")
LABEL_TYPES = ("text", "url", "semver", "hash", "rfc3339", "spdx", "email")
# hadolint keys about its own output that have no meaning for dockgen's settings.
HADOLINT_OUTPUT_KEYS = ("no-color", "format", "formats", "verbose")
_HADOLINT_NAMES = (".hadolint.yaml", ".hadolint.yml")


@dataclass(frozen=True)
class CliOverrides:
    """Options from the command line; None means 'not given'."""

    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    failure_threshold: str | None = None
    today: str | None = None
    disable_pragmas: bool = False
    levels: tuple[tuple[str, str], ...] = ()  # (code, level) from --error/--warning/--info/--style
    trusted_registries: tuple[str, ...] = ()
    required_labels: tuple[str, ...] = ()  # label:type
    strict_labels: bool = False
    shellcheck: bool = False
    no_fail: bool = False
    source: str = "command line"  # named in error messages


@dataclass(frozen=True)
class RunOptions:
    """What a command-line run does around the engine: which files it skips and whether findings fail it."""

    no_fail: bool = False  # findings never make the exit code 1
    exclude: tuple[str, ...] = ()  # gitignore-style patterns, relative to the configuration's folder


@dataclass(frozen=True)
class Loaded:
    settings: Settings
    source: Path | None
    notes: tuple[str, ...] = ()  # "info: ..." / "warning: ..." lines about codes, for stderr
    run: RunOptions = RunOptions()


def load(config_file: Path | None, isolated: bool, cli: CliOverrides, start: Path | None,
         environment: CliOverrides | None = None) -> Loaded:
    """Settings for a file at ``start`` (a Dockerfile path or a folder): file, then environment, then command line."""
    if isolated:
        loaded = Loaded(Settings(), None)
    elif config_file is not None:
        loaded = read_config(config_file.resolve())
    else:
        start = start or Path.cwd()
        folder = start if _is_dir(start) else start.parent  # the file itself may be a broken link or a loop
        found = discover(folder.resolve())
        loaded = read_config(found) if found else Loaded(Settings(), None)
    notes = list(loaded.notes)
    settings = apply_cli(loaded.settings, environment, notes) if environment is not None else loaded.settings
    settings = apply_cli(settings, cli, notes)
    run = loaded.run
    if cli.no_fail or (environment is not None and environment.no_fail):
        run = replace(run, no_fail=True)
    return replace(loaded, settings=settings, notes=tuple(notes), run=run)


def discover(start: Path) -> Path | None:
    """The nearest project configuration above ``start``, else the user's own (dockgen's, then hadolint's)."""
    folder = start if _is_dir(start) else start.parent
    for directory in (folder, *folder.parents):
        found = _config_in(directory)
        if found:
            return found
    return next((path for path in user_configs() if _is_file(path)), None)


def user_configs() -> list[Path]:
    """Per-user configuration files in the order they are tried; hadolint's locations follow dockgen's."""
    home = Path(os.environ.get("HOME") or Path.home())
    xdg = Path(os.environ.get("XDG_CONFIG_HOME") or home / ".config")
    return [xdg / "dockgen" / "dockgen.toml", xdg / "hadolint.yaml", xdg / "hadolint.yml",
            *(home / ".hadolint" / name for name in ("hadolint.yaml", "hadolint.yml", "config.yaml", "config.yml")),
            home / ".hadolint.yaml", home / ".hadolint.yml"]


@functools.cache
def _config_in(directory: Path) -> Path | None:
    candidate = directory / ".dockgen.toml"
    if _is_file(candidate):
        return candidate
    pyproject = directory / "pyproject.toml"
    if _is_file(pyproject) and _has_dockgen_table(pyproject):
        return pyproject
    for name in _HADOLINT_NAMES:
        if _is_file(directory / name):
            return directory / name
    return None


def _is_file(path: Path) -> bool:
    try:
        return path.is_file()
    except OSError:  # a folder on the way that cannot be searched (EACCES): nothing can be read there
        return False


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:
        return False


def _has_dockgen_table(pyproject: Path) -> bool:
    try:
        text = pyproject.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    if "dockgen" not in text:
        return False  # the usual Python project's pyproject: no need to load the TOML parser (a noticeable cost)
    import tomllib

    try:
        return "dockgen" in tomllib.loads(text).get("tool", {})
    except tomllib.TOMLDecodeError:
        return False


@functools.cache
def read_config(path: Path) -> Loaded:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise DockgenError(f"{path}: cannot read configuration: {error}") from error
    if path.suffix in (".yaml", ".yml"):
        return _from_hadolint(path, text)
    import tomllib

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise DockgenError(f"{path}: not valid TOML: {error}") from error
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("dockgen", {})
    notes: list[str] = []
    run = RunOptions(no_fail=_bool(data.get("no-fail", False), path, "no-fail"),
                     exclude=_strings(data.get("exclude", []), path, "exclude"))
    return Loaded(_settings_from(data, path, notes), path, tuple(notes), run)


def _settings_from(data: Mapping[str, Any], path: Path, notes: list[str]) -> Settings:
    _check_keys(data, DOCKGEN_KEYS, path)
    select = _codes(data["select"], path, "select", notes, strict=True) if "select" in data else None
    per_file = data.get("per-file-ignores", {})
    if not isinstance(per_file, dict):
        raise DockgenError(f"{path}: per-file-ignores must be a table of glob = [codes]")
    return Settings(
        select=select,
        extend_select=_codes(data.get("extend-select", []), path, "extend-select", notes, strict=True),
        ignore=_codes(data.get("ignore", []), path, "ignore", notes),
        per_file_ignores=tuple((glob, _codes(codes, path, f"per-file-ignores.{glob}", notes))
                               for glob, codes in per_file.items()),
        overrides=_overrides(data.get("override", {}), path, notes),
        failure_threshold=_level(data.get("failure-threshold", "info"), path, "failure-threshold"),
        today=_date(data["today"], path) if "today" in data else None,
        trusted_registries=_strings(data.get("trusted-registries", []), path, "trusted-registries"),
        label_schema=_schema(data.get("label-schema", {}), path),
        strict_labels=_bool(data.get("strict-labels", False), path, "strict-labels"),
        shellcheck=_bool(data.get("shellcheck", False), path, "shellcheck"),
    )


def _from_hadolint(path: Path, text: str) -> Loaded:
    import yaml  # only when a .hadolint.yaml exists: keeps startup light

    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise DockgenError(f"{path}: not valid YAML: {' '.join(str(error).split())}") from error
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise DockgenError(f"{path}: expected a mapping of hadolint settings")
    _check_keys(data, HADOLINT_KEYS + HADOLINT_OUTPUT_KEYS, path)
    overrides = data.get("override") or {}
    if not isinstance(overrides, dict):
        raise DockgenError(f"{path}: override must map levels (error, warning, info, style) to lists of codes")
    notes: list[str] = []
    by_code: list[tuple[str, Severity]] = []
    for level in ("style", "info", "warning", "error"):  # as in hadolint, the most severe listed level wins
        for code in _codes(overrides.get(level) or [], path, f"override.{level}", notes):
            by_code.append((code, Severity.from_label(level)))
    settings = Settings(
        ignore=_codes(data.get("ignored") or [], path, "ignored", notes),
        overrides=tuple(by_code),
        failure_threshold=_level(data.get("failure-threshold", "info"), path, "failure-threshold"),
        disable_pragmas=_bool(data.get("disable-ignore-pragma", False), path, "disable-ignore-pragma"),
        trusted_registries=_strings(data.get("trustedRegistries") or [], path, "trustedRegistries"),
        label_schema=_schema(data.get("label-schema") or {}, path),
        strict_labels=_bool(data.get("strict-labels", False), path, "strict-labels"),
    )
    return Loaded(settings, path, tuple(notes), RunOptions(no_fail=_bool(data.get("no-fail", False), path, "no-fail")))


def apply_cli(settings: Settings, cli: CliOverrides, notes: list[str] | None = None) -> Settings:
    """``settings`` with the options given; notes about the codes they name are added to ``notes``."""
    where = Path(cli.source)
    notes = [] if notes is None else notes
    changes: dict[str, Any] = {}
    if cli.select is not None:
        changes["select"] = _codes(list(cli.select), where, "--select", notes, strict=True)
    if cli.extend_select:
        changes["extend_select"] = settings.extend_select + _codes(list(cli.extend_select), where, "--extend-select",
                                                                   notes, strict=True)
    if cli.ignore:
        changes["ignore"] = settings.ignore + _codes(list(cli.ignore), where, "--ignore", notes)
    if cli.failure_threshold is not None:
        changes["failure_threshold"] = _level(cli.failure_threshold, where, "--failure-threshold")
    if cli.today is not None:
        changes["today"] = _date(cli.today, where)
    if cli.disable_pragmas:
        changes["disable_pragmas"] = True
    if cli.levels:
        changes["overrides"] = settings.overrides + tuple(sorted(
            ((known, Severity.from_label(level)) for code, level in cli.levels
             for known in _codes([code], where, f"--{level}", notes)),
            key=lambda pair: pair[1]))  # the most severe level wins, as in hadolint
    if cli.trusted_registries:
        changes["trusted_registries"] = settings.trusted_registries + cli.trusted_registries
    if cli.required_labels:
        pairs = dict(label.partition(":")[::2] for label in cli.required_labels)
        changes["label_schema"] = settings.label_schema + _schema(pairs, where)
    if cli.strict_labels:
        changes["strict_labels"] = True
    if cli.shellcheck:
        changes["shellcheck"] = True
    return replace(settings, **changes)


def _check_keys(data: Mapping[str, Any], allowed: Iterable[str], path: Path) -> None:
    allowed = tuple(allowed)
    for key in data:
        if key not in allowed:
            raise DockgenError(f"{path}: unknown setting {key!r}{suggest(str(key), allowed)}")


def _codes(value: object, path: Path, key: str, notes: list[str], strict: bool = False) -> tuple[str, ...]:
    """Rule codes from a list (or a comma-separated string); a retired or unknown code gets a note and is left
    out, as hadolint accepts any code. ``strict`` (dockgen's own ``select`` and ``extend-select``, which hadolint
    does not have) makes an unknown code an error: selecting nothing by a typo would pass every file."""
    if isinstance(value, str):
        value = [part for part in value.split(",") if part.strip()]
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise DockgenError(f"{path}: {key} must be a list of rule codes")
    codes = []
    for item in (item.strip() for item in value):
        kind = classify(item)
        if kind is Kind.RULE or kind is Kind.SHELLCHECK:
            codes.append(resolve_code(item) or item.upper())
        else:
            if strict and kind is Kind.UNKNOWN:
                raise DockgenError(f"{path}: {key}: unknown rule {item!r}{suggest_code(item)}")
            level, text = note(item, kind)
            notes.append(f"{level}: {path}: {key}: {text}")
    return tuple(codes)


def _strings(value: object, path: Path, key: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise DockgenError(f"{path}: {key} must be a list of strings")
    return tuple(value)


def _bool(value: object, path: Path, key: str) -> bool:
    if not isinstance(value, bool):
        raise DockgenError(f"{path}: {key} must be true or false")
    return value


def _schema(value: object, path: Path) -> tuple[tuple[str, str], ...]:
    """label-schema: label name -> type (an empty type means text)."""
    if not isinstance(value, dict):
        raise DockgenError(f"{path}: label-schema must map label names to types ({', '.join(LABEL_TYPES)})")
    schema = []
    for name, label_type in value.items():
        kind = str(label_type or "text")
        if kind not in LABEL_TYPES:
            raise DockgenError(f"{path}: label {name!r} has unknown type {kind!r}{suggest(kind, LABEL_TYPES)}")
        schema.append((str(name), kind))
    return tuple(schema)


def _overrides(value: object, path: Path, notes: list[str]) -> tuple[tuple[str, Severity], ...]:
    if not isinstance(value, dict):
        raise DockgenError(f"{path}: override must be a table of CODE = \"level\"")
    return tuple((known, _level(level, path, f"override.{code}")) for code, level in value.items()
                 for known in _codes([code], path, "override", notes))


def _level(value: object, path: Path, key: str) -> Severity:
    try:
        return Severity.from_label(str(value))
    except ValueError as error:
        raise DockgenError(f"{path}: {key}: {error}{suggest(str(value), [s.label for s in Severity])}") from None


def _date(value: object, path: Path) -> datetime.date:
    if isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat(str(value))
    except ValueError:
        raise DockgenError(f"{path}: today must be a date written YYYY-MM-DD, not {value!r}") from None
