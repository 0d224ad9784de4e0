"""DG003: which pragma codes silenced nothing, found by the engine after every other rule ran, and the fix that
removes them."""

from __future__ import annotations

from pathlib import Path

import pytest

from dockgen import lint_text
from dockgen.lint.engine import Settings
from dockgen.lint.fixer import fix_text
from tests.test_cli import run

UNPINNED = "RUN apt-get install -y --no-install-recommends curl\n"  # DL3008
PINNED = "RUN apt-get install -y --no-install-recommends curl=8.14.1-2\n"
SETTINGS = Settings(extend_select=("DG003",))


def _dg003(text: str, settings: Settings = SETTINGS) -> list[tuple[int, str]]:
    return [(f.line, f.message) for f in lint_text(text, settings) if f.code == "DG003"]


def test_off_by_default_and_selected_by_name() -> None:
    text = "FROM debian:trixie-slim\n# hadolint ignore=DL3008\n" + PINNED
    assert _dg003(text, Settings()) == []
    assert _dg003(text, Settings(extend_select=("unused-suppression",))) == [
        (2, "Unused suppression: `DL3008` silenced nothing")]


def test_every_pragma_that_covers_a_finding_counts_as_used() -> None:
    text = ("# hadolint global ignore=DL3008\nFROM debian:trixie-slim\n# dockgen ignore=DL3008\n" + UNPINNED
            + "# dockgen ignore=dl3008-is-not-a-name,DL9999\n" + UNPINNED)
    assert _dg003(text) == [(5, "Unused suppression: `dl3008-is-not-a-name` is not a rule code, `DL9999` is not a "
                                "rule code")]


def test_a_pragma_that_stands_above_nothing_is_unused() -> None:
    text = "FROM debian:trixie-slim\n# hadolint ignore=DL3008\n\n" + UNPINNED  # the blank line breaks the block
    assert _dg003(text) == [(2, "Unused suppression: `DL3008` silenced nothing")]


def test_rule_names_resolve_and_rules_that_did_not_run_are_left_alone() -> None:
    text = "FROM debian:trixie-slim\n# dockgen ignore=apt-unpinned, DL3059, SC2086\n" + UNPINNED
    assert _dg003(text) == [(2, "Unused suppression: `DL3059` silenced nothing")]
    assert _dg003(text, Settings(select=("DG003", "DL3008"))) == []  # DL3059 did not run; SC without ShellCheck


def test_nothing_with_pragmas_disabled_and_a_global_pragma_silences_it() -> None:
    text = "FROM debian:trixie-slim\n# hadolint ignore=DL3008\n" + PINNED
    assert _dg003(text, Settings(extend_select=("DG003",), disable_pragmas=True)) == []
    assert _dg003("# dockgen global ignore=DG003\n" + text) == []


@pytest.mark.parametrize(("text", "fixed"), [
    ("FROM a:1\r\n# hadolint ignore=DL3008\r\n" + PINNED, "FROM a:1\r\n" + PINNED),
    ("FROM a:1\n  # dockgen ignore=DL3008,DL3015  # reason\n" + PINNED.replace(" --no-install-recommends", ""),
     "FROM a:1\n  # dockgen ignore=DL3015  # reason\n" + PINNED.replace(" --no-install-recommends", "")),
    ("FROM a:1\n" + PINNED + "# hadolint global ignore=DL3008", "FROM a:1\n" + PINNED),  # no final line ending
])
def test_the_fix_removes_unused_codes_and_empty_pragmas(text: str, fixed: str) -> None:
    settings = Settings(select=("DG003", "DL3008", "DL3015"))
    assert fix_text(text, settings).text == fixed


def test_the_command_line_marks_and_fixes_it(tmp_path: Path) -> None:
    (tmp_path / "Dockerfile").write_text("FROM debian:trixie-slim\n# hadolint ignore=DL3008\n" + PINNED
                                         + "USER 10001\n")
    result = run("lint", "--extend-select", "DG003", "Dockerfile", cwd=tmp_path)
    assert "Dockerfile:2:19: DG003 [*] [info] Unused suppression: `DL3008` silenced nothing" in result.stdout
    run("lint", "--extend-select", "DG003", "--fix", "Dockerfile", cwd=tmp_path)
    assert (tmp_path / "Dockerfile").read_text() == "FROM debian:trixie-slim\n" + PINNED + "USER 10001\n"
