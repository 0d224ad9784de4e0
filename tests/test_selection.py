"""Choosing rules: --select/--extend-select/--ignore repeat and add up, ALL is every rule, and the library's Settings
are checked when they are made."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dockgen import Settings, lint_text
from dockgen.lint.findings import Severity
from dockgen.lint.rules import all_rules
from tests.test_cli import run

# DL3008 and DL3013 (unpinned apt and pip), DL1001 (an inline pragma, off by default), DL3057 (no HEALTHCHECK, off
# by default), DL4000 (MAINTAINER).
DOCKERFILE = ("FROM debian:13\n# hadolint ignore=DL3015\nRUN apt-get install -y curl && pip install flask\n"
              "MAINTAINER someone\n")


def _codes(tmp_path: Path, *args: str) -> set[str]:
    (tmp_path / "Dockerfile").write_text(DOCKERFILE)
    result = run("lint", "-f", "json", "--isolated", *args, "Dockerfile", cwd=tmp_path)
    assert result.returncode in (0, 1), result.stderr
    return {row["code"] for row in json.loads(result.stdout)}


def test_select_repeats_and_adds_up(tmp_path: Path) -> None:
    assert _codes(tmp_path, "--select", "DL3008", "--select", "DL3013") == {"DL3008", "DL3013"}
    assert _codes(tmp_path, "--select", "DL3008,DL3013", "--select", "DL4000") == {"DL3008", "DL3013", "DL4000"}


def test_extend_select_repeats_and_adds_up(tmp_path: Path) -> None:
    found = _codes(tmp_path, "--select", "DL4000", "--extend-select", "DL1001", "--extend-select", "DL3057")
    assert found == {"DL4000", "DL1001", "DL3057"}


def test_ignore_repeats_and_adds_up(tmp_path: Path) -> None:
    assert _codes(tmp_path, "--select", "DL") == {"DL3008", "DL3013", "DL3042", "DL4000"}
    assert _codes(tmp_path, "--select", "DL", "--ignore", "DL3008", "--ignore", "DL3013,DL4000") == {"DL3042"}


def test_all_is_every_rule_even_the_ones_off_by_default(tmp_path: Path) -> None:
    found = _codes(tmp_path, "--select", "ALL")
    assert {"DL1001", "DL3057", "DL3008", "DL4000"} <= found
    assert not {"DL1001", "DL3057"} & _codes(tmp_path, "--select", "DL")  # a prefix: default rules only
    assert {"DL1001", "DL3057"} <= _codes(tmp_path, "--extend-select", "ALL")
    assert _codes(tmp_path, "--select", "ALL", "--ignore", "ALL") == set()


def test_library_accepts_lists_and_tuples() -> None:
    assert Settings(ignore=["DG503"]) == Settings(ignore=("DG503",))
    assert Settings(select=["DL3008"], overrides=[("DL3008", "error")]).overrides == (("DL3008", Severity.ERROR),)
    assert {f.code for f in lint_text(DOCKERFILE, Settings(select=["DL3008", "DL4000"]))} == {"DL3008", "DL4000"}
    assert "DG503" not in {f.code for f in lint_text(DOCKERFILE, Settings(ignore=["DG503"]))}
    assert Settings(ignore=("DL3005", "DL1000", "SC2086", "DG3", "conda-without-clean", "ALL")).ignore[0] == "DL3005"


@pytest.mark.parametrize("field", ["select", "extend_select", "ignore", "trusted_registries", "exclude"])
def test_library_refuses_a_bare_string(field: str) -> None:
    with pytest.raises(TypeError, match=field):
        Settings(**{field: "DG503"})  # type: ignore[arg-type]


def test_library_names_unknown_codes() -> None:
    with pytest.raises(ValueError, match="DL9999, conda-withut-clean"):
        Settings(ignore=("DL9999", "DL3008", "conda-withut-clean"))
    with pytest.raises(ValueError, match="DX1"):
        Settings(select=("DX1",))
    with pytest.raises(ValueError, match="DG999"):
        Settings(overrides=(("DG999", Severity.ERROR),))
    with pytest.raises(ValueError, match="DG999"):
        Settings(per_file_ignores=(("*.Dockerfile", ("DG999",)),))


def test_every_rule_code_and_name_is_accepted() -> None:
    rules = all_rules().values()
    Settings(select=tuple(rule.code for rule in rules), ignore=tuple(rule.name for rule in rules))
