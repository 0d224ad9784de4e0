"""Every example in every rule's data file is a test: bad examples report on exactly the listed lines, good ones
report nothing for that rule."""

from __future__ import annotations

from pathlib import Path

import pytest

from dockgen.rules import Example, Rule, all_rules, rule_docs
from dockgen import lint_text
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
