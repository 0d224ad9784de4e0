"""Invariants between rule data, checks and shipped files."""

from __future__ import annotations

import re

from dockgen._resources import data_dir
from dockgen.checks import all_checks
import tomllib

from dockgen.rules import all_rules
from dockgen.rules_doc import rule_docs


def test_every_rule_has_a_check_and_every_check_a_rule() -> None:
    checks = set(all_checks())
    rules = set(all_rules())
    assert checks == rules - {"DG001"}  # DG001 comes from the parser, not a check


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
    """all_rules() parses only the part before the rationale: nothing it reads may come later."""
    for code, rule in all_rules().items():
        full = tomllib.loads((data_dir("rules") / f"{code}.toml").read_text())
        assert (rule.name, rule.summary, rule.default, rule.fix, rule.hadolint, rule.aliases) == (
            full["name"], full["summary"], full.get("default", True), full.get("fix", "none"),
            tuple(full.get("hadolint", ())), tuple(full.get("aliases", ()))), code


def test_dl_rules_name_their_hadolint_code() -> None:
    for code, rule in all_rules().items():
        if code.startswith("DL"):
            assert rule.hadolint == (code,)


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

    from dockgen.rules_doc import markdown

    page = Path(__file__).resolve().parent.parent / "docs" / "rules.md"
    assert page.read_text(encoding="utf-8") == markdown()
    assert all(f'<a id="{code.lower()}"></a>' in page.read_text() for code in all_rules())
