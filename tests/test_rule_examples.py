"""Every example in every rule's data file is a test: bad examples report on exactly the listed lines, good ones
report nothing for that rule."""

from __future__ import annotations

from pathlib import Path

import pytest

from dockgen import lint_text
from dockgen.lint.rules import Rule, all_rules
from dockgen.lint.rules_doc import Example, rule_docs
from tests.conftest import example_settings

CASES = [(rule, example) for rule in all_rules().values() for example in rule_docs(rule.code).examples]


@pytest.mark.parametrize(("rule", "example"), CASES,
                         ids=[f"{r.code}-{e.kind}-{i}" for i, (r, e) in enumerate(CASES)])
def test_example(rule: Rule, example: Example, tmp_path: Path) -> None:
    settings = example_settings(rule.code, example.config)
    location = None
    if example.files is not None:  # the rule reads the Dockerfile's folder: lay it out for real
        (tmp_path / ".git").mkdir()  # the folder is a repository root: nothing above it counts
        for name, content in example.files.items():
            (tmp_path / name).write_text(content)
        location = tmp_path / "Dockerfile"
    found = [finding.line for finding in lint_text(example.dockerfile.lstrip("\n"), settings, None, location)]
    expected = list(example.lines) if example.kind == "bad" else []
    assert found == expected, f"{rule.code} {example.kind} {example.title!r}"


FIX_CASES = [(rule, example) for rule, example in CASES if example.fixed is not None]


@pytest.mark.parametrize(("rule", "example"), FIX_CASES,
                         ids=[f"{r.code}-fix-{i}" for i, (r, e) in enumerate(FIX_CASES)])
def test_fix_example(rule: Rule, example: Example) -> None:
    """The fixed text is exact, a second fix changes nothing, and the finding is gone when a fix was offered."""
    from dockgen.lint.fixer import fix_text

    settings = example_settings(rule.code, example.config)
    original = example.dockerfile.lstrip("\n")
    expected = example.fixed.lstrip("\n") if example.fixed else ""
    outcome = fix_text(original, settings, unsafe=True)
    assert outcome.text == expected
    assert not fix_text(outcome.text, settings, unsafe=True).changed
    if expected != original:
        assert rule.fix in ("sometimes", "always")
        assert not [f for f in lint_text(outcome.text, settings) if f.code == rule.code]
        safe_only = fix_text(original, settings, unsafe=False)
        assert safe_only.changed == (rule.fix_safety == "safe")


def test_every_fixable_rule_has_fix_examples() -> None:
    fixable = {rule.code for rule in all_rules().values() if rule.fix != "none"}
    with_examples = {rule.code for rule, example in FIX_CASES if example.fixed != example.dockerfile}
    assert fixable == with_examples
