""".dockerignore matching, on cases whose outcome follows the builder's documented rules (checked by hand)."""

from __future__ import annotations

from pathlib import Path

import pytest

from dockgen.lint.dockerignore import parse

IGNORE = parse("# comment\n*.pyc\n**/__pycache__\n/build\ndocs\n!docs/README.md\ntemp?\n[ab].txt\n", Path(".dockerignore"))


@pytest.mark.parametrize(("path", "pattern"), [
    ("x.pyc", "*.pyc"),
    ("sub/x.pyc", None),  # `*` does not cross folders
    ("a/b/__pycache__/m.pyc", "**/__pycache__"),
    ("build/out.whl", "/build"),
    ("./build", "/build"),
    ("docs/guide.md", "docs"),
    ("docs/README.md", None),  # re-included by the later exception
    ("temp1", "temp?"),
    ("temp12", None),
    ("a.txt", "[ab].txt"),
    ("c.txt", None),
    ("src/app.py", None),
])
def test_matching(path: str, pattern: str | None) -> None:
    assert IGNORE.excluding_pattern(path) == pattern


def test_the_last_matching_pattern_wins() -> None:
    ignore = parse("!keep.txt\n*.txt\n", Path(".dockerignore"))
    assert ignore.excluding_pattern("keep.txt") == "*.txt"
