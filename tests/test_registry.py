"""Invariants between rule data, checks and shipped files."""

from __future__ import annotations

import importlib
import re
import tomllib
from pathlib import Path

import pytest

from dockgen import checks
from dockgen._resources import data_dir
from dockgen.checks import RegistryError, all_checks, check_modules, validated
from dockgen.errors import DockgenError
from dockgen.lint.findings import Severity

from dockgen.lint.rules import Rule, all_rules
from dockgen.lint.rules_doc import rule_docs


def test_every_rule_has_a_check_and_every_check_a_rule() -> None:
    checks = set(all_checks())
    rules = set(all_rules())
    assert checks == rules - {"DG001", "DG003"}  # from the parser and the engine, not checks


def test_codes_and_names_are_unique_and_well_formed() -> None:
    names = [rule.name for rule in all_rules().values()]
    assert len(names) == len(set(names))
    for code, rule in all_rules().items():
        assert re.fullmatch(r"(DL\d{4}|DG\d{3})", code)
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", rule.name), rule.name
        assert rule.summary and not rule.summary.endswith(".")
        assert rule_docs(code).rationale


def test_every_rule_has_bad_and_good_examples() -> None:
    for rule in all_rules().values():
        examples = rule_docs(rule.code).examples
        kinds = {example.kind for example in examples}
        assert kinds == {"bad", "good"}, rule.code
        assert all(example.lines for example in examples if example.kind == "bad"), rule.code


def test_lint_time_keys_stand_in_the_header() -> None:
    """all_rules() reads the rule headers from the lint data index: they say what the full files say."""
    for code, rule in all_rules().items():
        full = tomllib.loads((data_dir("rules") / f"{code}.toml").read_text())
        assert (rule.name, rule.summary, rule.default, rule.fix, rule.hadolint, rule.aliases,
                rule.security_severity) == (
            full["name"], full["summary"], full.get("default", True), full.get("fix", "none"),
            tuple(full.get("hadolint", ())), tuple(full.get("aliases", ())), full.get("security-severity")), code


def test_dl_rules_name_their_hadolint_code() -> None:
    for code, rule in all_rules().items():
        if code.startswith("DL"):
            assert rule.hadolint == (code,)


def test_data_files_cite_public_sources_not_paths_outside_the_repository() -> None:
    for name in ("rules", "templates"):
        for path in data_dir(name).rglob("*.toml"):
            assert "../" not in path.read_text(encoding="utf-8"), path


def test_shipped_data_has_only_expected_file_types() -> None:
    for name in ("rules", "templates"):
        for path in data_dir(name).rglob("*"):
            if path.is_file():
                assert path.suffix in (".toml", ".j2", ".md"), path


def test_dockgen_rules_have_three_bad_and_three_good_examples() -> None:
    for code in (code for code in all_rules() if code.startswith("DG")):
        kinds = [example.kind for example in rule_docs(code).examples]
        assert kinds.count("bad") >= 3 and kinds.count("good") >= 3, code


def test_the_rules_reference_page_is_current() -> None:
    """docs/rules.md is generated; regenerate it with `dockgen rules --format markdown > docs/rules.md`."""
    from pathlib import Path

    from dockgen.lint.rules_doc import markdown

    page = Path(__file__).resolve().parent.parent / "docs" / "rules.md"
    assert page.read_text(encoding="utf-8") == markdown()
    assert all(f'<a id="{code.lower()}"></a>' in page.read_text() for code in all_rules())


def _rule(code: str, name: str) -> Rule:
    return Rule(code=code, name=name, level=Severity.INFO, summary="A summary")


def test_modules_are_named_after_their_rules() -> None:
    for code, module in check_modules().items():
        rule = all_rules()[code]
        assert module == f"dockgen.checks.{code.lower()}_{rule.name.replace('-', '_')}"


def test_check_modules_do_not_restate_their_code() -> None:
    """The code is the file name's; a CODE constant would be a second place to keep in step."""
    for module in check_modules().values():
        assert not hasattr(importlib.import_module(module), "CODE"), module


def test_fix_safety_is_stated_by_the_rule_data_only() -> None:
    for code, rule in all_rules().items():
        assert rule.fix in ("none", "sometimes", "always"), code
        assert rule.fix_safety in ("safe", "unsafe"), code
    folder = Path(checks.__file__).parent
    for path in folder.glob("*.py"):
        assert "safe=" not in path.read_text(encoding="utf-8"), f"{path.name}: fix safety belongs in the rule's TOML"


def test_the_registry_accepts_rules_and_modules_that_agree() -> None:
    rules = {"DG900": _rule("DG900", "some-rule"), "DG001": _rule("DG001", "parse-error")}
    assert validated(rules, ["dg900_some_rule"]) == {"DG900": "dg900_some_rule"}


@pytest.mark.parametrize(("stems", "problem"), [
    (["dg900_some_rule", "dg900_some_other_copy"], "two modules for DG900"),
    ([], "rule DG900 has no module dg900_some_rule.py"),
    (["dg900_some_rule", "dg901_stray"], "module dg901_stray.py has no rule"),
    (["dg900_old_name"], "name it dg900_some_rule.py"),
])
def test_the_registry_fails_loudly_when_rules_and_modules_disagree(stems: list[str], problem: str) -> None:
    with pytest.raises(RegistryError, match=re.escape(problem)):
        validated({"DG900": _rule("DG900", "some-rule")}, stems)


def test_a_stray_module_in_the_folder_stops_the_registry(monkeypatch: pytest.MonkeyPatch) -> None:
    real = checks.os.listdir
    monkeypatch.setattr(checks.os, "listdir", lambda folder: [*real(folder), "dl3008_copy_of_apt_pin.py"])
    monkeypatch.setattr(checks, "check_modules", checks.check_modules.__wrapped__)
    with pytest.raises(RegistryError, match="two modules for DL3008"):
        checks.check_modules()


def test_security_severity_is_rule_data_and_checked(monkeypatch: pytest.MonkeyPatch) -> None:
    """The score SARIF gives a security rule is its TOML's ``security-severity``; a bad one stops with an error."""
    from dockgen.lint import lint_data, rules

    assert all_rules()["DG506"].security_severity == 8.0 and all_rules()["DL3013"].security_severity is None
    broken = {"DG999": {"code": "DG999", "name": "x", "level": "info", "summary": "x", "security-severity": 11}}
    monkeypatch.setattr(lint_data, "tables", lambda folder: broken)
    rules.all_rules.cache_clear()
    try:
        with pytest.raises(DockgenError, match="security-severity must be a number from 0 to 10"):
            rules.all_rules()
    finally:
        monkeypatch.undo()
        rules.all_rules.cache_clear()


def test_differences_from_hadolint_name_known_kinds(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A ``differs-from-hadolint`` entry is a sentence or ``{ kind, text }`` with a kind bench/parity.py knows."""
    from dockgen.lint import rules_doc

    assert rule_docs("DL3059").deviation_kinds == {"shell-read-given-up"}
    assert rule_docs("DL3013").deviation_kinds == {"wrapped-command", "windows-script"}
    assert rule_docs("DL4006").deviation_kinds == frozenset() and rule_docs("DL4006").differs_from_hadolint
    (tmp_path / "DL3059.toml").write_text('differs-from-hadolint = [{ kind = "sudo", text = "x" }]\n')
    monkeypatch.setattr(rules_doc, "data_dir", lambda name: tmp_path)
    rules_doc.rule_docs.cache_clear()
    try:
        with pytest.raises(DockgenError, match="DL3059.toml: broken rule data: differs-from-hadolint entry"):
            rules_doc.rule_docs("DL3059")
    finally:
        monkeypatch.undo()
        rules_doc.rule_docs.cache_clear()
