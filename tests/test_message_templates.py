"""Message templates live in the rule files; checks say which template and which values, and nothing else.

The index build reads every check's ``says(...)`` calls against its rule's templates and stops on a disagreement;
the engine fills the templates in (dockgen.lint.messages)."""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from dockgen import lint_text
from dockgen.checks.contract import says
from dockgen.errors import DockgenError
from dockgen.lint import lint_data
from dockgen.lint.engine import Settings
from dockgen.lint.findings import Severity
from dockgen.lint.message_templates import placeholders, problems
from dockgen.lint.messages import MAX_LENGTH, message_text
from dockgen.lint.rules import Rule

ROOT = Path(__file__).resolve().parent.parent
CHECKS = ROOT / "dockgen" / "checks"


def _rule(**messages: str) -> Rule:
    return Rule("DG599", "apt-get-upgrade", Severity.INFO, "A summary", messages=messages)


def _problems_for(tmp_path: Path, toml: dict[str, object], check: str) -> list[str]:
    """The problems the index build finds for one throwaway rule DG599 and its check module."""
    (tmp_path / "dockgen" / "checks").mkdir(parents=True)
    (tmp_path / "dockgen" / "checks" / "dg599_apt_get_upgrade.py").write_text(check, encoding="utf-8")
    return problems(tmp_path, {"DG599": {"code": "DG599", "name": "apt-get-upgrade", "summary": "A summary", **toml}})


def test_every_rule_and_its_check_agree() -> None:
    assert problems(ROOT, lint_data.read_folder(ROOT, "rules")) == []


def test_a_check_that_says_its_values_passes(tmp_path: Path) -> None:
    check = "def check(d, c):\n    yield Hit(1, says(program='apt-get'))\n    yield Hit(2, says('more', program='x', more=2))\n"
    toml = {"message": "`{program}` upgrades", "messages": {"more": "`{program}` and {more} more upgrade"}}
    assert _problems_for(tmp_path, toml, check) == []


def test_a_placeholder_no_hit_provides_stops_the_build(tmp_path: Path) -> None:
    check = "def check(d, c):\n    yield Hit(1, says(program='apt-get'))\n"
    found = _problems_for(tmp_path, {"message": "`{program}` upgrades `{package}`"}, check)
    assert found == ["DG599: line 2: template 'message' has the placeholder {package}, which the hit lacks"]


def test_a_missing_template_key_stops_the_build(tmp_path: Path) -> None:
    check = "def check(d, c):\n    yield Hit(1, says('upgrade', program='apt-get'))\n"
    found = _problems_for(tmp_path, {"message": "`{program}` upgrades"}, check)
    assert found == ["DG599: line 2: says 'upgrade', which is no message template of the rule"]


def test_values_no_template_uses_dead_templates_and_unreadable_calls_stop_the_build(tmp_path: Path) -> None:
    check = ("def check(d, c):\n    yield Hit(1, says(program='apt-get', extra=1))\n"
             "    yield Hit(2, says(key, program='x'))\n")
    found = _problems_for(tmp_path, {"message": "`{program}` upgrades", "messages": {"old": "unused"}}, check)
    assert found == ["DG599: line 2: gives extra=, which no template it names uses",
                     "DG599: line 3: says() takes keys written as strings and named values only",
                     "DG599: template 'old' is never said"]


def test_a_helper_module_may_not_say_a_message(tmp_path: Path) -> None:
    check = "def check(d, c):\n    yield Hit(1)\n"
    _problems_for(tmp_path, {}, check)
    (tmp_path / "dockgen" / "checks" / "_helper.py").write_text("def hit():\n    return says(x=1)\n")
    assert problems(tmp_path, {}) == [
        "_helper.py:2: a helper says a message; take a Message from the check instead"]


@pytest.mark.parametrize("template", ["{a.b}", "{a[0]}", "{a!r}", "{a:>9}", "{}", "{0}", "open {"])
def test_placeholders_are_plain_names(template: str) -> None:
    with pytest.raises(ValueError):
        placeholders(template)


def test_the_index_build_fails_loudly_on_a_throwaway_rule_in_a_copy(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    for folder in ("dockgen", "rules", "templates"):
        shutil.copytree(ROOT / folder, repo / folder, ignore=shutil.ignore_patterns("__pycache__"))
    (repo / "rules" / "DG599.toml").write_text(
        'code = "DG599"\nname = "apt-get-upgrade"\nlevel = "info"\nsummary = "`apt-get upgrade` in a RUN"\n'
        'message = "`{program} upgrade` makes the image depend on the day it was built"\n', encoding="utf-8")
    (repo / "dockgen" / "checks" / "dg599_apt_get_upgrade.py").write_text(
        "from dockgen.checks.contract import Hit, says\n\n\ndef check(dockerfile, context):\n"
        "    yield Hit(1, says(command='apt-get'))\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(repo), "PYTHONDONTWRITEBYTECODE": "1"}
    result = subprocess.run([sys.executable, "-m", "dockgen.lint.lint_data"], cwd=repo, env=env, capture_output=True,
                            text=True, timeout=300, check=False)
    assert result.returncode == 1
    assert "not written: rule messages and checks disagree" in result.stderr
    assert "DG599: line 5: template 'message' has the placeholder {program}, which the hit lacks" in result.stderr
    assert "DG599: line 5: gives command=, which no template it names uses" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_engine_fills_in_the_template_a_hit_names() -> None:
    rule = _rule(message="A summary", more="`{package}` and {more} more")
    assert message_text(rule, None) == "A summary"
    assert message_text(rule, says("more", package="curl", more=2)) == "`curl` and 2 more"


def test_a_tuple_of_words_and_a_tuple_of_messages_read_as_lists() -> None:
    rule = _rule(message="{tools} stay", sign="seen at line {line}", signs="A server ({signs})")
    assert message_text(rule, says(tools=("gcc", "g++"))) == "`gcc`, `g++` stay"
    signs = (says("sign", line=2), says("sign", line=5))
    assert message_text(rule, says("signs", signs=signs)) == "A server (seen at line 2, seen at line 5)"


def test_of_several_templates_the_first_that_fits_is_taken() -> None:
    rule = _rule(message="`{image}` is old", full="`{image}` is old: move to {advice}")
    short = says("full", "message", image="python:3.6", advice="python:3.12")
    assert message_text(rule, short) == "`python:3.6` is old: move to python:3.12"
    long = says("full", "message", image="python:3.6", advice="x" * MAX_LENGTH)
    assert message_text(rule, long) == "`python:3.6` is old"


def test_a_template_or_value_that_is_missing_is_an_error_naming_the_rule() -> None:
    rule = _rule(message="`{program}` upgrades")
    with pytest.raises(DockgenError, match="DG599 has no message template 'other'"):
        message_text(rule, says("other"))
    with pytest.raises(DockgenError, match="DG599's message templates"):
        message_text(rule, None)


def _said_calls(tree: ast.AST) -> list[ast.Call]:
    return [node for node in ast.walk(tree) if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
            and node.func.id in ("says", "Message")]


def test_no_check_formats_a_message() -> None:
    """Checks give values: no f-string or str.format in what they say, and no import of the message renderer."""
    offenders = []
    for path in sorted(CHECKS.glob("*.py")):
        text = path.read_text(encoding="utf-8")
        tree = ast.parse(text)
        if "dockgen.lint.messages" in text:
            offenders.append(f"{path.name}: imports dockgen.lint.messages")
        for call in _said_calls(tree):
            for node in ast.walk(call):
                if isinstance(node, ast.JoinedStr) or (isinstance(node, ast.Attribute) and node.attr == "format"):
                    offenders.append(f"{path.name}:{node.lineno}: formats a value of a message")
    assert offenders == []


def test_the_scan_finds_an_f_string_value() -> None:
    call = _said_calls(ast.parse("says(program=f'{name} install')"))
    assert any(isinstance(node, ast.JoinedStr) for node in ast.walk(call[0]))


def test_a_rule_without_message_shows_its_summary() -> None:
    found = lint_text("FROM debian:trixie-slim\nRUN a | b\n", Settings(select=("DL4006",)))
    assert [f.message for f in found] == ["Set the SHELL option -o pipefail before a RUN with a pipe in it"]
