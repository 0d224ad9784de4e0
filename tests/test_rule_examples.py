"""Every example in every rule's data file is a test: bad examples report on exactly the listed lines, good ones
report nothing for that rule."""

from __future__ import annotations

import pytest

from dockgen.rules import Example, Rule, all_rules, rule_docs
from tests.conftest import lines_of

CASES = [(rule, example) for rule in all_rules().values() for example in rule_docs(rule.code).examples]


@pytest.mark.parametrize(("rule", "example"), CASES,
                         ids=[f"{r.code}-{e.kind}-{i}" for i, (r, e) in enumerate(CASES)])
def test_example(rule: Rule, example: Example) -> None:
    today = str(example.config["today"]) if example.config and "today" in example.config else None
    found = lines_of(example.dockerfile.lstrip("\n"), rule.code, today=today)
    expected = list(example.lines) if example.kind == "bad" else []
    assert found == expected, f"{rule.code} {example.kind} {example.title!r}"
