"""Shared test helpers."""

from __future__ import annotations

import datetime
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from dockgen import Finding, Settings, lint_text


@pytest.fixture(autouse=True, scope="session")
def _no_user_configuration(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Neither the developer's own hadolint/dockgen files nor HADOLINT_* variables may change what tests see."""
    saved = dict(os.environ)
    home = tmp_path_factory.mktemp("home")
    os.environ.setdefault("PIP_CACHE_DIR", str(Path.home() / ".cache" / "pip"))
    os.environ["HOME"] = str(home)
    os.environ["XDG_CONFIG_HOME"] = str(home / ".config")
    for name in [name for name in os.environ if name.startswith("HADOLINT_")]:
        del os.environ[name]
    yield
    os.environ.clear()
    os.environ.update(saved)


def lint(text: str, *codes: str, today: str | None = None) -> list[Finding]:
    """Findings for ``text`` with only ``codes`` selected (all default rules when none)."""
    settings = Settings(select=codes or None, today=datetime.date.fromisoformat(today) if today else None)
    return lint_text(text, settings)


def lines_of(text: str, code: str, today: str | None = None) -> list[int]:
    return [finding.line for finding in lint(text, code, today=today)]


def example_settings(code: str, config: dict[str, object] | None) -> Settings:
    """Settings for a rule example: its own config (validated like a .dockgen.toml), only its rule selected."""
    from dataclasses import replace
    from pathlib import Path

    from dockgen.lint.config import _settings_from

    notes: list[str] = []
    settings = _settings_from(config or {}, Path(f"rules/{code}.toml"), notes)
    assert not notes, notes  # an example's config names only codes that exist
    return replace(settings, select=(code,))


def hadolint_flags(config: dict[str, object] | None) -> list[str]:
    """The hadolint command-line flags that mean the same as an example's config."""
    config = config or {}
    flags = [f"--trusted-registry={r}" for r in config.get("trusted-registries", [])]  # type: ignore[attr-defined]
    flags += [f"--require-label={k}:{v}" for k, v in config.get("label-schema", {}).items()]  # type: ignore[attr-defined]
    if config.get("strict-labels"):
        flags.append("--strict-labels")
    return flags
