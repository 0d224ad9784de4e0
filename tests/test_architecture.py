"""Imports point one way: nothing outside ``dockgen/checks`` reaches for a private check helper (the contract and
the command toolkit are public), and the lint path stays free of Jinja2."""

from __future__ import annotations

import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "dockgen"
_PRIVATE_CHECK_HELPER = re.compile(r"dockgen\.checks\._|from dockgen\.checks import _")


def test_only_checks_import_private_check_helpers() -> None:
    offenders = [str(path.relative_to(PACKAGE)) for path in PACKAGE.rglob("*.py")
                 if path.parent.name != "checks" and _PRIVATE_CHECK_HELPER.search(path.read_text(encoding="utf-8"))]
    assert offenders == []


def test_checks_reach_into_onbuild_one_way() -> None:
    """``with_onbuild`` is the combinator; the old spellings must not come back."""
    for path in (PACKAGE / "checks").glob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "instructions_with_onbuild" not in text and "inner or instruction" not in text, path.name
        assert "runs(dockerfile, onbuild" not in text, path.name
