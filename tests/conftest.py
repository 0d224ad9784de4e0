"""Shared test helpers."""

from __future__ import annotations

import datetime

from dockgen import Finding, Settings, lint_text


def lint(text: str, *codes: str, today: str | None = None) -> list[Finding]:
    """Findings for ``text`` with only ``codes`` selected (all default rules when none)."""
    settings = Settings(select=codes or None, today=datetime.date.fromisoformat(today) if today else None)
    return lint_text(text, settings)


def lines_of(text: str, code: str, today: str | None = None) -> list[int]:
    return [finding.line for finding in lint(text, code, today=today)]
