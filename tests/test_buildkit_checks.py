"""BuildKit's build checks (DG4xx): the ``# check=skip=`` directive and the BuildKit names as aliases."""

from __future__ import annotations

from dockgen import Settings, lint_text
from dockgen.lint.rules import all_rules, resolve_code

TEXT = "FROM python:3.12-slim as build\nENV MODE production\nrun echo hi\n"
BUILDKIT = ("DG402", "DG404", "DG413")


def codes(text: str) -> list[str]:
    return sorted(f.code for f in lint_text(text, Settings(select=BUILDKIT)))


def test_all_three_fire_without_a_directive() -> None:
    assert codes(TEXT) == ["DG402", "DG404", "DG413"]


def test_skip_directive_names_checks() -> None:
    assert codes("# check=skip=FromAsCasing,LegacyKeyValueFormat\n" + TEXT) == ["DG404"]
    assert codes("# check=skip=all;error=true\n" + TEXT) == []
    assert codes("# syntax=docker/dockerfile:1\n# check=error=true\n" + TEXT) == ["DG402", "DG404", "DG413"]


def test_skip_directive_only_at_the_top() -> None:
    assert codes(TEXT + "# check=skip=all\n") == ["DG402", "DG404", "DG413"]


def test_every_buildkit_rule_carries_its_check_name() -> None:
    for code, rule in all_rules().items():
        if code.startswith("DG4"):
            assert rule.aliases and rule.aliases[0][0].isupper(), code
            assert resolve_code(rule.aliases[0]) == code
